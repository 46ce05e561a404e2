import '../../styles/global';
import './booth.css';
import { boot } from '../../app/boot';
import { startSchedule } from '../../app/schedule';
// Loads this display's booth name and direction before the first hello to the server.
import './booth-settings';
import { BoothView } from './BoothView';

boot('booth', <BoothView />);
startSchedule();
