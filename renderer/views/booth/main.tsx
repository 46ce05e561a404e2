import '../../styles/global';
import './booth.css';
import { boot } from '../../app/boot';
import { BoothView } from './BoothView';

boot('booth', <BoothView />);
