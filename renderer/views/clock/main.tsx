import '../../styles/global';
import './clock.css';
import { boot } from '../../app/boot';
import { StudioClock } from './StudioClock';
import { VIEW_MESSAGES } from './messages';

boot('clock', <StudioClock />, VIEW_MESSAGES);
