import '../../styles/global';
import './speaker.css';
import { boot } from '../../app/boot';
import { personalItemId } from '../../app/personal-item';
import { startSchedule } from '../../app/schedule';
import { SpeakerView } from './SpeakerView';

// A personal page (`?item=`) shows its item's projected start: the one projection of this display.
if (personalItemId() !== null) startSchedule();
boot('speaker', <SpeakerView />);
