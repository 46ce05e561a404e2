import { formatClock, formatSeconds } from '../../../shared/clock/format';
import { TURN_PRESETS_SEC } from '../../../shared/contract/presets';
import { timeOfDayIn } from '../../../shared/time/zoned-time';
import { instant } from '../../../shared/time/instant';
import { useRostrum } from '../../app/store';
import { sameFields, useServerValue } from '../../app/use-server-value';
import { useI18n } from '../../i18n/i18n';
import { CommandError } from './CommandError';
import { readTurn, turnOf, type TurnReading } from './handover';
import { useHotkey } from './hotkeys';
import { KeyHint } from './KeyHint';
import { MidSpeechNote } from './MidSpeechNote';
import { useBoothCommand } from './use-booth-command';
import { useHandoverCue } from './use-handover-cue';

const PRESET_KEYS = ['1', '2', '3'] as const;

/**
 * The interpreters' turn timer, kept on the server per booth name (so both interpreters' screens,
 * and a reload, agree). Start it on taking the microphone; it warns 60 s before the handover, on
 * screen and with a soft cue, and says when the handover would fall mid-speech.
 */
export function HandoverTimer({ booth, timezone }: { booth: string; timezone: string }) {
  const { t } = useI18n();
  const turns = useRostrum((s) => s.snapshot?.booth.turns);
  const turn = turnOf(turns, booth);
  const reading = useServerValue((now) => shown(readTurn(turn, now)), sameFields);
  const { send, busy, error } = useBoothCommand();
  useHandoverCue(booth, reading.state, turn.startedAt, turn.turnSec);

  const startTurn = () => void send({ type: 'booth.turn.start', booth });
  const resetTurn = () => void send({ type: 'booth.turn.reset', booth });
  const setLength = (turnSec: number) => void send({ type: 'booth.turn.length', booth, turnSec });

  useHotkey('h', startTurn);
  useHotkey('r', resetTurn, reading.state !== 'stopped');
  useHotkey(PRESET_KEYS[0], () => setLength(TURN_PRESETS_SEC[0]));
  useHotkey(PRESET_KEYS[1], () => setLength(TURN_PRESETS_SEC[1]));
  useHotkey(PRESET_KEYS[2], () => setLength(TURN_PRESETS_SEC[2]));

  const digits =
    reading.remainingMs === null ? formatSeconds(reading.turnSec) : formatClock(reading.remainingMs);
  let status: string;
  switch (reading.state) {
    case 'stopped':
      status = t('booth.handover.stopped');
      break;
    case 'running':
      status = t('booth.handover.at', { time: timeOfDayIn(instant(reading.dueAt!), timezone) });
      break;
    case 'warning':
      status = t('booth.handover.soon', { time: formatSeconds(Math.ceil(reading.remainingMs! / 1000)) });
      break;
    case 'due':
      status = t('booth.handover.now');
      break;
  }

  return (
    <section className="panel booth-handover" data-state={reading.state} aria-labelledby="booth-handover-label">
      <div className="panel__head">
        <h2 className="panel__label" id="booth-handover-label">
          {t('booth.handover.title')}
        </h2>
        <span className="booth-handover__length">{t('booth.handover.turn', { length: turnLabel(reading.turnSec, t) })}</span>
      </div>
      <div className="booth-handover__main">
        <div
          className="booth-handover__digits"
          data-testid="handover-remaining"
          data-state={reading.state}
          data-due-at={reading.dueAt ?? ''}
          role="timer"
          aria-label={t('booth.handover.title')}
        >
          {digits}
        </div>
        <div className="booth-handover__status" data-testid="handover-status" role={reading.state === 'warning' || reading.state === 'due' ? 'alert' : undefined}>
          {status}
        </div>
      </div>
      {reading.dueAt !== null && <MidSpeechNote dueAt={reading.dueAt} timezone={timezone} />}
      <div className="button-row">
        <button type="button" className="bbtn bbtn--primary" data-testid="handover-start" disabled={busy} onClick={startTurn} aria-keyshortcuts="H">
          {t(reading.state === 'stopped' ? 'booth.handover.start' : 'booth.handover.restart')} <KeyHint label="H" />
        </button>
        <button type="button" className="bbtn" data-testid="handover-reset" disabled={busy || reading.state === 'stopped'} onClick={resetTurn} aria-keyshortcuts="R">
          {t('booth.handover.reset')} <KeyHint label="R" />
        </button>
      </div>
      <div className="button-row" role="group" aria-label={t('booth.handover.length')}>
        {TURN_PRESETS_SEC.map((sec, i) => (
          <button
            key={sec}
            type="button"
            className="bbtn bbtn--small"
            data-testid={`handover-preset-${sec / 60}`}
            aria-pressed={reading.turnSec === sec}
            disabled={busy}
            onClick={() => setLength(sec)}
            aria-keyshortcuts={PRESET_KEYS[i]}
          >
            {t('booth.handover.minutes', { n: sec / 60 })} <KeyHint label={PRESET_KEYS[i]!} />
          </button>
        ))}
      </div>
      <CommandError error={error} testId="handover-error" />
    </section>
  );
}

/** A reading as shown: remaining time in whole seconds (rounded up), so it changes once a second. */
function shown(r: TurnReading): TurnReading {
  return r.remainingMs === null ? r : { ...r, remainingMs: Math.ceil(r.remainingMs / 1000) * 1000 };
}

function turnLabel(turnSec: number, t: ReturnType<typeof useI18n>['t']): string {
  return turnSec % 60 === 0 ? t('booth.handover.minutes', { n: turnSec / 60 }) : formatSeconds(turnSec);
}
