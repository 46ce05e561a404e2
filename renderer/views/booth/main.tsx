import '../../styles/global';
import './booth.css';
import { boot } from '../../app/boot';
// Loads this display's booth name and direction before the first hello to the server.
import './booth-settings';
import { BoothView } from './BoothView';

boot('booth', <BoothView />);
