import '../../styles/global';
import './crew.css';
import { boot } from '../../app/boot';
import { startSchedule } from '../../app/schedule';
import { CrewView } from './CrewView';
import { VIEW_MESSAGES } from './messages';

startSchedule();
boot('crew', <CrewView />, VIEW_MESSAGES);
