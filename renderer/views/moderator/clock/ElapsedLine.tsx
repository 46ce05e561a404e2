import { useMemo } from 'react';
import { findItem } from '../../../../shared/agenda/agenda-queries';
import { elapsedMs } from '../../../../shared/clock/clock-math';
import { formatElapsed, formatSeconds, formatSignedDuration } from '../../../../shared/clock/format';
import { useRostrum } from '../../../app/store';
import { useServerValue } from '../../../app/use-server-value';
import { useI18n } from '../../../i18n/i18n';

/** Elapsed time on the current item, its allotted time and what was added or taken away. */
export function ElapsedLine() {
  const { t } = useI18n();
  const clock = useRostrum((s) => s.snapshot?.clock ?? null);
  const agenda = useRostrum((s) => s.snapshot?.agenda);
  const item = useMemo(() => (agenda && clock ? findItem(agenda, clock.currentItemId)?.item : undefined), [agenda, clock]);
  const elapsed = useServerValue((now) => (clock ? formatElapsed(elapsedMs(clock, now)) : '0:00'));
  if (!clock || clock.status === 'ended' || !item) return null;
  const added = clock.addedMs;
  return (
    <div className="clock-panel__elapsed">
      <span>
        {t('moderator.clock.elapsed')} <strong data-testid="clock-elapsed">{elapsed}</strong>
      </span>
      {item.durationSec === undefined ? (
        <span className="clock-panel__muted">{t('moderator.clock.countsUp')}</span>
      ) : (
        <span>
          {t('moderator.clock.allotted')} <strong>{formatSeconds(item.durationSec + Math.trunc(added / 1000))}</strong>
        </span>
      )}
      {added !== 0 && (
        <span className="clock-panel__added" data-testid="clock-added" data-sign={added > 0 ? 'plus' : 'minus'}>
          {t('moderator.clock.added', { time: formatSignedDuration(added) })}
        </span>
      )}
    </div>
  );
}
