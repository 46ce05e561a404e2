import '../../styles/global';
import './crew.css';
import { boot } from '../../app/boot';
import { startSchedule } from '../../app/schedule';
import { CrewView } from './CrewView';

startSchedule();
boot('crew', <CrewView />);
