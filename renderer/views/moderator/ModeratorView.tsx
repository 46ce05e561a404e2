import { useCallback, useState } from 'react';
import { SoundToggle, useCues } from '../../audio';
import { ConnectionIndicator } from '../../components/ConnectionIndicator';
import { ViewRoot } from '../../components/ViewRoot';
import { LanguageSwitch } from '../../i18n/LanguageSwitch';
import { useI18n } from '../../i18n/i18n';
import { RoomNameTag } from '../../components/RoomNameTag';
import { AgendaIoMenu } from './agenda-io/AgendaIoMenu';
import { NetworkMenu } from './network/NetworkMenu';
import { AutomationMenu } from './automation/AutomationMenu';
import { ClockPanel } from './clock/ClockPanel';
import { ConfirmHost } from './dialogs/ConfirmHost';
import { DriftBanner } from './drift/DriftBanner';
import { ShortcutSheet } from './keyboard/ShortcutSheet';
import { useShortcuts } from './keyboard/use-shortcuts';
import { BoothRequests } from './panels/BoothRequests';
import { DisplaysPanel } from './panels/DisplaysPanel';
import { AuxTimersPanel } from './panels/AuxTimersPanel';
import { MessagesPanel } from './panels/MessagesPanel';
import { OutputsPanel } from './panels/OutputsPanel';
import { StartupWarning } from './panels/StartupWarning';
import { UndoToast } from './panels/UndoToast';
import { useOpenRequestCount } from './requests/open-requests';
import { RequestBadge } from './requests/RequestBadge';
import { useRequestChimeCue } from './requests/use-request-chime';
import { Rundown } from './rundown/Rundown';

/** The moderator console: composes the panels; each panel subscribes to what it shows. */
export function ModeratorView() {
  const { t } = useI18n();
  const [help, setHelp] = useState(false);
  const openHelp = useCallback(() => setHelp(true), []);
  useShortcuts(openHelp);
  useCues('moderator');
  useRequestChimeCue();
  const openRequests = useOpenRequestCount();

  return (
    <ViewRoot view="moderator" alerts={openRequests}>
      <header className="topbar">
        <h1 className="topbar__title">
          Rostrum <span className="topbar__view">{t('view.moderator')}</span>
          <RoomNameTag view="moderator" />
        </h1>
        <RequestBadge />
        <button type="button" className="topbar__help" data-testid="btn-shortcuts" aria-keyshortcuts="?" title={t('moderator.button.shortcuts')} onClick={openHelp}>
          ?<span className="visually-hidden"> {t('moderator.button.shortcuts')}</span>
        </button>
        <AgendaIoMenu />
        <NetworkMenu />
        <AutomationMenu />
        <SoundToggle view="moderator" />
        <ConnectionIndicator />
        <LanguageSwitch />
      </header>
      <StartupWarning />
      <main className="moderator">
        <DriftBanner />
        <div className="moderator__now">
          <ClockPanel />
        </div>
        <Rundown />
        <aside className="moderator__side" aria-label={t('moderator.region.side')}>
          <BoothRequests />
          <MessagesPanel />
          <AuxTimersPanel />
          <DisplaysPanel />
          <OutputsPanel />
        </aside>
      </main>
      <UndoToast />
      <ConfirmHost />
      {help && <ShortcutSheet onClose={() => setHelp(false)} />}
    </ViewRoot>
  );
}
