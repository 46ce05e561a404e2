import '../../styles/global';
import './overview.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { en } from '../../../shared/i18n/en';
import { zh } from '../../../shared/i18n/zh';
import { api } from '../../app/api-client';
import { takeToken } from '../../app/token';
import { initLanguage, messageTexts } from '../../i18n/i18n';
import { warmUpFonts } from '../../styles/font-warmup';
import { OverviewView } from './OverviewView';
import { followLinkedRooms, startOverview } from './overview-store';

// The producer's token is the venue's control token: the console's, kept the same way.
initLanguage('moderator');
warmUpFonts([...messageTexts(en), ...messageTexts(zh), 'EN']);
const token = takeToken('moderator');
void startOverview(async () => {
  const answer = await api('rooms');
  return answer.ok ? { ok: true, rooms: answer.body.rooms } : { ok: false, message: answer.error.message };
}, token);
followLinkedRooms(async () => {
  const answer = await api('linkedRooms');
  return answer.ok ? answer.body.rooms : null;
});
const container = document.getElementById('root');
if (!container) throw new Error('#root is missing from the page');
createRoot(container).render(
  <StrictMode>
    <OverviewView token={token} />
  </StrictMode>,
);
