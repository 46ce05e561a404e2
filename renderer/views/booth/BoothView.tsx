import { useState } from 'react';
import { useHasSnapshot } from '../../app/hooks';
import { useRostrum } from '../../app/store';
import { ViewRoot } from '../../components/ViewRoot';
import { useI18n } from '../../i18n/i18n';
import { BoothMessage } from './BoothMessage';
import { BoothSettingsDialog } from './BoothSettingsDialog';
import { BoothTopBar } from './BoothTopBar';
import { useBoothSettings } from './booth-settings';
import { workingDirection } from './direction';
import { GlossaryPanel } from './GlossaryPanel';
import { HandoverTimer } from './HandoverTimer';
import { useHotkey } from './hotkeys';
import { NextTransition } from './NextTransition';
import { NotesPanel } from './NotesPanel';
import { NowPanel } from './NowPanel';
import { RequestsPanel } from './RequestsPanel';
import { UpcomingList } from './UpcomingList';
import { useBoothLineup } from './use-booth-lineup';

const NO_LANGUAGES: string[] = [];

/**
 * The interpreters' view, for a dim booth and a 13" laptop: who speaks now and next, in which
 * language and this booth's direction; the coming language switch with a countdown; booth notes
 * and glossary; the handover timer; requests to the moderator and the moderator's messages.
 */
export function BoothView() {
  const { t } = useI18n();
  const ready = useHasSnapshot();
  const agenda = useRostrum((s) => s.snapshot?.agenda);
  const mayEdit = useRostrum((s) => s.snapshot?.booth.mayEditNotes ?? false);
  const { current, upcoming, ended } = useBoothLineup();
  const settings = useBoothSettings();
  const [settingsOpen, setSettingsOpen] = useState(false);
  const [selectedId, setSelectedId] = useState<string | undefined>(undefined);
  useHotkey('b', () => setSettingsOpen(true));

  const languages = agenda?.languages ?? NO_LANGUAGES;
  const timezone = agenda?.timezone ?? 'UTC';
  const working = workingDirection(current?.item, settings.direction, languages);
  const emptyText = t(ended ? 'speaker.endOfAgenda' : ready ? 'speaker.noAgenda' : 'loading');
  const noteItems = current ? [current, ...upcoming] : upcoming;
  const selected = noteItems.find((l) => l.item.id === selectedId) ?? noteItems[0];

  return (
    <ViewRoot view="booth">
      <BoothTopBar timezone={agenda?.timezone} onOpenSettings={() => setSettingsOpen(true)} />
      <NextTransition current={current} next={upcoming[0]} direction={settings.direction} languages={languages} />
      <main className="booth">
        <div className="booth__col booth__col--now">
          <NowPanel current={current} working={working} emptyText={emptyText} />
          <NotesPanel items={noteItems} selected={selected} onSelect={setSelectedId} mayEdit={mayEdit} />
        </div>
        <div className="booth__col booth__col--next">
          <UpcomingList current={current} upcoming={upcoming} timezone={timezone} selectedId={selected?.item.id} onSelect={setSelectedId} />
          <GlossaryPanel glossary={agenda?.glossary ?? []} agendaLanguages={languages} current={current?.item} mayEdit={mayEdit} />
        </div>
        <div className="booth__col booth__col--booth">
          <HandoverTimer booth={settings.name} timezone={timezone} />
          <RequestsPanel booth={settings.name} timezone={timezone} />
          <BoothMessage timezone={timezone} />
        </div>
      </main>
      <BoothSettingsDialog open={settingsOpen} onClose={() => setSettingsOpen(false)} languages={languages} />
    </ViewRoot>
  );
}
