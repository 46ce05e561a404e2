import '../../styles/global';
import './clock.css';
import { boot } from '../../app/boot';
import { StudioClock } from './StudioClock';

boot('clock', <StudioClock />);
