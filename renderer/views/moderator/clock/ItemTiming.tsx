import { endByOf } from '../../../../shared/timing/end-by';
import { useLineup } from '../../../app/hooks';
import { useI18n } from '../../../i18n/i18n';

/** The current item's automatic timing, in words (an end-by of its own or, last in its session, the session's): "Ends by 16:30 · Next item after 10 s" (or "Follows the plan"). */
export function ItemTiming() {
  const { t } = useI18n();
  const { current } = useLineup();
  if (!current) return null;
  const { item, session } = current;
  const advance = item.autoAdvance ?? session.autoAdvance;
  const endAt = endByOf(session, item);
  const parts = [
    ...(endAt === undefined ? [] : [t('timing.endsBy', { time: endAt })]),
    ...(advance === undefined ? [] : [advance === 'roll' ? t('timing.roll') : t('timing.autoAdvance', { grace: `${advance.graceSec} s` })]),
  ];
  if (parts.length === 0) return null;
  return (
    <p className="item-timing" data-testid="item-timing">
      {parts.join(' · ')}
    </p>
  );
}
