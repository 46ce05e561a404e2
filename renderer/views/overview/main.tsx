import '../../styles/global';
import './overview.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { api } from '../../app/api-client';
import { takeToken } from '../../app/token';
import { initLanguage } from '../../i18n/i18n';
import { loadMessages, loadedTexts } from '../../i18n/messages';
import { warmUpFonts } from '../../styles/font-warmup';
import { OverviewView } from './OverviewView';
import { VIEW_MESSAGES } from './messages';
import { followLinkedRooms, startOverview } from './overview-store';

loadMessages(VIEW_MESSAGES);
initLanguage('moderator');
warmUpFonts([...loadedTexts(), 'EN']);
// The producer's token is the venue's control token: the console's, kept the same way.
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
