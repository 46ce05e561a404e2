import '../../styles/global';
import './speaker.css';
import { isAudiencePage } from '../../app/audience-link';
import { isTransparentBareLink } from '../../app/bare-link';
import { boot } from '../../app/boot';
import { personalItemId } from '../../app/personal-item';
import { startSchedule } from '../../app/schedule';
import { AudienceView } from './AudienceView';
import { SpeakerView } from './SpeakerView';
import { VIEW_MESSAGES } from './messages';

// A personal page (`?item=`) and the audience page show projected starts: the one projection of this display.
const audience = isAudiencePage();
// The timer as a stream overlay: nothing but the digits is painted (speaker.css, docs/outputs.md).
if (!audience && isTransparentBareLink()) document.documentElement.classList.add('page-transparent');
if (audience || personalItemId() !== null) startSchedule();
boot('speaker', audience ? <AudienceView /> : <SpeakerView />, VIEW_MESSAGES);
