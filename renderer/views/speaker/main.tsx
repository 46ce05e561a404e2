import '../../styles/global';
import './speaker.css';
import { boot } from '../../app/boot';
import { SpeakerView } from './SpeakerView';

boot('speaker', <SpeakerView />);
