import { useRef } from 'react';
import { useClockValue, useLineup } from '../../app/hooks';
import { ClockDigits } from '../../components/ClockDigits';
import { useI18n } from '../../i18n/i18n';
import { ProgressBar } from './ProgressBar';
import { sameSpeakerClock, speakerClockAt, speakerWords } from './speaker-clock';
import { useFitDigits } from './use-fit-digits';
import { StartsIn } from '../../components/StartsIn';

/**
 * What a speaker reads at a glance: the phase in words (WRAP UP, FINAL 0:30, TIME UP) and the
 * clock's status when it is not simply running, the digits as large as the space allows, and the
 * share of time left. On its own, it is the whole of `/speaker?bare=1`.
 */
export function ClockStack() {
  const { t } = useI18n();
  const { reading, left } = useClockValue(speakerClockAt, sameSpeakerClock);
  const item = useLineup().current?.item;
  const words = speakerWords(reading, item);
  const box = useRef<HTMLDivElement>(null);
  useFitDigits(box, reading.text);

  return (
    <>
      <div className="speaker__words">
        {words.status && (
          <span className="speaker__status" data-testid="status-label" data-status={reading.status}>
            {reading.status === 'paused' && <PauseIcon />}
            {t(words.status)}
          </span>
        )}
        <StartsIn />
        {words.phase && (
          <span className="speaker__phase" data-testid="phase-label" data-phase={reading.phase}>
            {t(words.phase.key, words.phase.vars)}
          </span>
        )}
      </div>
      <div className="speaker__clock" ref={box}>
        <ClockDigits className="speaker__digits" />
      </div>
      <ProgressBar left={left} item={item} />
    </>
  );
}

function PauseIcon() {
  return (
    <svg className="speaker__status-icon" viewBox="0 0 10 12" aria-hidden="true" focusable="false">
      <rect x="0" y="0" width="3.5" height="12" fill="currentColor" />
      <rect x="6.5" y="0" width="3.5" height="12" fill="currentColor" />
    </svg>
  );
}
