import { useMemo } from 'react';
import { previousPlayable } from '../../../../shared/agenda/agenda-queries';
import { useClockPhase, useLineup } from '../../../app/hooks';
import { useRostrum } from '../../../app/store';
import type { MessageKey } from '../../../../shared/i18n/en';
import { useI18n } from '../../../i18n/i18n';
import { capsOf, type ShortcutAction } from '../keyboard/shortcut-keys';
import { adjustClock, navigate, pauseClock, resetItem, skipCurrent, startClock } from '../state/clock-actions';
import { ScheduledStart } from './ScheduledStart';

interface ButtonProps {
  testId: string;
  label: string;
  action?: ShortcutAction;
  enabled: boolean;
  onPress: () => Promise<void>;
  className?: string;
}

/**
 * A control with its key shown on it, so the keys are learnt by using the buttons. The key is
 * drawn from `data-key` by CSS: it is not part of the button's text (nor read out twice).
 */
function ControlButton({ testId, label, action, enabled, onPress, className = '' }: ButtonProps) {
  const caps = action ? capsOf(action) : [];
  return (
    <button
      type="button"
      className={`ctl ${className}`.trim()}
      data-testid={testId}
      disabled={!enabled}
      data-key={caps[0]}
      aria-keyshortcuts={caps.length > 0 ? caps.join(' ') : undefined}
      onClick={(e) => {
        // Clicked with the mouse, it lets go of the focus: a later Enter must not press it again.
        if (e.detail > 0) e.currentTarget.blur();
        void onPress();
      }}
    >
      {label}
    </button>
  );
}

const ADJUSTMENTS: { testId: string; seconds: number; label: MessageKey; action: ShortcutAction }[] = [
  { testId: 'btn-minus-minute', seconds: -60, label: 'moderator.button.minusMinute', action: 'minusMinute' },
  { testId: 'btn-minus-30s', seconds: -30, label: 'moderator.button.minus30', action: 'minus30' },
  { testId: 'btn-plus-30s', seconds: 30, label: 'moderator.button.plus30', action: 'plus30' },
  { testId: 'btn-plus-minute', seconds: 60, label: 'moderator.button.plusMinute', action: 'plusMinute' },
];

/**
 * The clock's buttons. Whether each applies is judged from the last known state, so while offline
 * a click still happens and says, in words, that it was not sent.
 */
export function ClockControls() {
  const { t } = useI18n();
  const { status } = useClockPhase();
  const { current, ended } = useLineup();
  const agenda = useRostrum((s) => s.snapshot?.agenda);
  const currentItemId = current?.item.id ?? null;
  const hasPrevious = useMemo(
    () => agenda !== undefined && previousPlayable(agenda, ended ? null : currentItemId) !== undefined,
    [agenda, currentItemId, ended],
  );
  const on = current !== undefined;

  return (
    <div className="clock-controls" role="group" aria-label={t('label.controls')}>
      <div className="clock-controls__row clock-controls__row--main">
        <ControlButton
          testId="btn-previous"
          label={t('moderator.button.previous')}
          action="previous"
          enabled={hasPrevious}
          onPress={() => navigate('previous')}
          className="ctl--nav"
        />
        <ControlButton
          testId="btn-start"
          label={t(status === 'paused' ? 'button.resume' : 'button.start')}
          action="toggle"
          enabled={on && (status === 'idle' || status === 'paused')}
          onPress={startClock}
          className="ctl--start"
        />
        <ControlButton
          testId="btn-pause"
          label={t('button.pause')}
          action="toggle"
          enabled={on && status === 'running'}
          onPress={pauseClock}
          className="ctl--pause"
        />
        <ControlButton
          testId="btn-next"
          label={t('button.next')}
          action="next"
          enabled={on}
          onPress={() => navigate('next')}
          className="ctl--nav"
        />
      </div>
      <div className="clock-controls__row">
        {ADJUSTMENTS.map((a) => (
          <ControlButton
            key={a.testId}
            testId={a.testId}
            label={t(a.label)}
            action={a.action}
            enabled={on}
            onPress={() => adjustClock(a.seconds)}
            className="ctl--adjust"
          />
        ))}
      </div>
      <div className="clock-controls__row">
        <ControlButton testId="btn-reset" label={t('moderator.button.reset')} enabled={on} onPress={resetItem} className="ctl--quiet" />
        <ControlButton testId="btn-skip" label={t('moderator.button.skip')} enabled={on} onPress={skipCurrent} className="ctl--quiet" />
      </div>
      <ScheduledStart />
    </div>
  );
}
