import { useEffect, useState, type ReactNode } from 'react';
import { isBareLink } from '../../app/bare-link';
import { useHasSnapshot, useLineup } from '../../app/hooks';
import { personalItemId } from '../../app/personal-item';
import { useSchedule } from '../../app/schedule';
import { useRostrum } from '../../app/store';
import { SoundToggle, useCues } from '../../audio';
import { ConnectionIndicator } from '../../components/ConnectionIndicator';
import { SpeakerLine } from '../../components/SpeakerLine';
import { ViewRoot } from '../../components/ViewRoot';
import { setAutoLanguage, uiLanguageFor, useI18n } from '../../i18n/i18n';
import { ClockStack } from './ClockStack';
import { personalPhase } from './personal-phase';
import { PersonalNote, PersonalWait } from './PersonalWait';
import { SpeakerLanguageSwitch } from './SpeakerLanguageSwitch';
import { SpeakerMessage } from './SpeakerMessage';
import { TimeOfDay } from './TimeOfDay';
import { AuxTimers } from '../../components/AuxTimers';
import { onDoubleClickFullscreen, useFullscreenKey } from './use-fullscreen';
import { useIdleCursor } from './use-idle-cursor';
import { useWakeLock } from './use-wake-lock';

/**
 * The confidence monitor, on the stage floor or at the back of the room: readable in half a second
 * from 5 m, at any size from 640×360 to 4K. Until someone pins a language on this display, it
 * speaks the language of the person at the lectern. Double-click or F: full screen.
 */
export function SpeakerView() {
  const [bare] = useState(isBareLink);
  const [personal] = useState(personalItemId);
  const speakerLanguage = useLineup().current?.item.language;
  useEffect(() => setAutoLanguage(uiLanguageFor(speakerLanguage)), [speakerLanguage]);
  const blank = useRostrum((s) => s.snapshot?.display.speakerBlank ?? false);
  const hasMessage = useRostrum((s) => (s.snapshot?.messages.speaker ?? null) !== null);
  const wakeLock = useWakeLock();
  const cursorIdle = useIdleCursor();
  useFullscreenKey();

  return (
    <ViewRoot view="speaker">
      <div
        className="speaker"
        data-bare={bare}
        data-blank={blank}
        data-message={hasMessage && !bare}
        data-cursor={blank || cursorIdle ? 'hidden' : 'shown'}
        data-wake-lock={wakeLock}
        onDoubleClick={onDoubleClickFullscreen}
      >
        {!bare && <MonitorCues />}
        {blank ? <Blank /> : bare ? <ClockStack /> : personal !== null ? <Personal itemId={personal} /> : <Monitor />}
      </div>
    </ViewRoot>
  );
}

/** Cues play (when this monitor's sound is on) whatever is shown, blank included. */
function MonitorCues() {
  useCues('speaker');
  return null;
}

function Blank() {
  const { t } = useI18n();
  return <div className="speaker__blank" data-testid="speaker-blank" role="img" aria-label={t('speaker.blanked')} />;
}

/** An online speaker's own page: their countdown while they are on; before, when; after, thanks. */
function Personal({ itemId }: { itemId: string }) {
  const schedule = useSchedule((s) => s.schedule);
  const ready = useHasSnapshot();
  const where = personalPhase(schedule, itemId);
  if (where.phase === 'on' || !ready || schedule === null) return <Monitor />;
  if (where.phase === 'before') return <Monitor waiting={<PersonalWait start={where.start} />} />;
  return <Monitor waiting={<PersonalNote state={where.phase} />} />;
}

function Monitor({ waiting }: { waiting?: ReactNode }) {
  const { t } = useI18n();
  const ready = useHasSnapshot();
  const { current, next, ended } = useLineup();
  const emptyText = t(ended ? 'speaker.endOfAgenda' : ready ? 'speaker.noAgenda' : 'loading');

  return (
    <>
      <header className="speaker__top">
        <SpeakerLine located={current} emptyText={emptyText} testId="current-speaker" className="speaker__current" detailed />
        <AuxTimers view="speaker" />
        <TimeOfDay />
      </header>
      <SpeakerMessage />
      {waiting ?? <ClockStack />}
      <footer className="speaker__bottom">
        <div className="speaker__next">
          <span className="speaker__next-label">{t('label.next')}</span>
          <SpeakerLine located={next} emptyText={t('speaker.none')} testId="next-speaker" />
        </div>
        <span className="speaker__hint">{t('speaker.fullscreenHint')}</span>
        <ConnectionIndicator />
        <SoundToggle view="speaker" />
        <SpeakerLanguageSwitch />
      </footer>
    </>
  );
}
