import '../../styles/global';
// Styles beside their components; in this order, which is the cascade's (the narrow-screen rules last).
import './booth.css';
import './BoothTopBar.css';
import './KeyHint.css';
import './controls.css';
import './panels.css';
import './NextTransition.css';
import './BoothView.css';
import './NowPanel.css';
import './NotesPanel.css';
import './UpcomingList.css';
import './GlossaryPanel.css';
import './HandoverTimer.css';
import './RequestsPanel.css';
import './BoothMessage.css';
import './BoothSettingsDialog.css';
import './booth-narrow.css';
import { boot } from '../../app/boot';
import { startSchedule } from '../../app/schedule';
// Loads this display's booth name and direction before the first hello to the server.
import './booth-settings';
import { BoothView } from './BoothView';
import { VIEW_MESSAGES } from './messages';

boot('booth', <BoothView />, VIEW_MESSAGES);
startSchedule();
