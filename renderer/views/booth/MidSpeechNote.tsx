import { useCallback } from 'react';
import { findItem } from '../../../shared/agenda/agenda-queries';
import { formatSeconds } from '../../../shared/clock/format';
import { instant } from '../../../shared/time/instant';
import { timeOfDayIn } from '../../../shared/time/zoned-time';
import { useRostrum } from '../../app/store';
import { useSchedule } from '../../app/schedule';
import { useServerValue, sameStep } from '../../app/use-server-value';
import { useI18n } from '../../i18n/i18n';
import { midSpeechOf } from './handover';
import { announcedName } from './names';


const identity = <T,>(now: T): T => now;
/** Re-rendered once every five seconds as time alone passes. */
const FIVE_SECONDS = sameStep(5000);
/**
 * When the handover would fall in the middle of someone's speech (by the projected schedule),
 * says so and suggests the nearest item boundary still ahead.
 */
export function MidSpeechNote({ dueAt, timezone }: { dueAt: number; timezone: string }) {
  const { t, lang } = useI18n();
  const agenda = useRostrum((s) => s.snapshot?.agenda);
  const now = useServerValue(identity, FIVE_SECONDS);
  const schedule = useSchedule((s) => s.schedule);
  const isBreak = useCallback((id: string) => agenda !== undefined && findItem(agenda, id)?.item.kind === 'break', [agenda]);
  if (!agenda || dueAt <= now) return null;
  const mid = midSpeechOf(dueAt, schedule, now, isBreak);
  const located = mid ? findItem(agenda, mid.itemId) : undefined;
  if (!mid || !located) return null;

  const who = announcedName(located.item, lang);
  const at = (ms: number) => timeOfDayIn(instant(ms), timezone);
  const shiftSec = Math.round(Math.abs(mid.suggestion.at - dueAt) / 1000);
  return (
    <div className="midspeech" data-testid="handover-midspeech" data-item-id={mid.itemId} data-suggest-at={mid.suggestion.at} data-edge={mid.suggestion.edge}>
      <div className="midspeech__what">{t('booth.handover.midSpeech', { who, time: at(dueAt) })}</div>
      <div className="midspeech__suggest" data-testid="handover-suggestion">
        {t(mid.suggestion.edge === 'before' ? 'booth.handover.suggestBefore' : 'booth.handover.suggestAfter', {
          time: at(mid.suggestion.at),
          who,
          shift: formatSeconds(shiftSec),
        })}
      </div>
    </div>
  );
}
