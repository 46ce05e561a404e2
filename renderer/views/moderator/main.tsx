import '../../styles/global';
import './moderator.css';
import './rundown/rundown.css';
import './panels/panels.css';
import './requests/requests.css';
import './dialogs/dialogs.css';
import { boot } from '../../app/boot';
import { getSocket } from '../../app/connection';
import { listenForDisplays } from '../../app/displays';
import { ModeratorView } from './ModeratorView';
import { startSchedule } from '../../app/schedule';
import { startLiveRecovery } from './state/recovery-hint';
import { VIEW_MESSAGES } from './messages';

boot('moderator', <ModeratorView />, VIEW_MESSAGES);
// The socket exists once boot has connected; its first events arrive later, so nothing is missed.
const socket = getSocket();
if (socket) listenForDisplays(socket);
startSchedule();
startLiveRecovery();
