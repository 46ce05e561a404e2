import { useShallow } from 'zustand/react/shallow';
import type { LocatedItem } from '../../../shared/agenda/agenda-queries';
import type { ClockStatus } from '../../../shared/clock/clock-state';
import { formatSeconds } from '../../../shared/clock/format';
import { projectedStartAt } from '../../../shared/schedule/projection-changes';
import { useSchedule } from '../../app/schedule';
import { useRostrum } from '../../app/store';
import { sameFields, useServerValue } from '../../app/use-server-value';
import { useI18n, type Translate } from '../../i18n/i18n';
import { AttendanceFlag } from './AttendanceFlag';
import type { BoothDirection } from './booth-settings';
import { arrow, langCode, workingDirection } from './direction';
import { languageSwitchOf } from './language-switch';
import { announcedName } from './names';

/** Below this, the switch warning turns urgent. */
const URGENT_MS = 30_000;

interface Props {
  current: LocatedItem | undefined;
  next: LocatedItem | undefined;
  direction: BoothDirection;
  languages: readonly string[];
}

/** When the next item starts, as the countdown shows it. */
interface When {
  /** `in`: a countdown; `soon`: due now (the current item overruns); `after`: the clock has not started. */
  kind: 'in' | 'soon' | 'after';
  /** Whole seconds left, rounded up (as clock digits are); 0 unless `in`. */
  seconds: number;
  /** The projected start, to the nearest second; null when there is none. */
  at: number | null;
}

function whenOf(at: number | null, now: number, status: ClockStatus): When {
  const rounded = at === null ? null : Math.round(at / 1000) * 1000;
  if (at !== null && at - now > 0) return { kind: 'in', seconds: Math.ceil((at - now) / 1000), at: rounded };
  // Running and due: the item overruns and the next may start any moment. Otherwise the clock has
  // not started (a projection in the past means nothing yet): after this item.
  return { kind: status === 'running' ? 'soon' : 'after', seconds: 0, at: rounded };
}

/**
 * One line that always says what happens next on the floor. When the language changes it becomes
 * the language-switch warning, counting down to the next item's projected start
 * ("Next: ZH → EN in 2:10"), with what it means for this booth and any moderator speaking
 * another language in between. The slot keeps its height, so nothing on the page jumps.
 */
export function NextTransition({ current, next, direction, languages }: Props) {
  const { t, lang } = useI18n();
  const status = useRostrum((s) => s.snapshot?.clock.status ?? 'idle');
  const projection = useSchedule(useShallow((s) => ({ schedule: s.schedule, ahead: s.ahead, at: s.at })));
  const when = useServerValue((now) => whenOf(projectedStartAt(projection, next?.item.id, now), now, status), sameFields);

  if (!current || !next) {
    return <div className="transition transition--none" data-testid="next-transition" />;
  }
  const who = announcedName(next.item, lang);
  const change = languageSwitchOf(current, next);

  if (!change) {
    return (
      <div className="transition" data-testid="next-transition" data-item-id={next.item.id}>
        <span className="transition__headline">{t('booth.switch.none', { lang: langCode(next.item.language) })}</span>{' '}
        <Countdown when={when} t={t} />
        <span className="transition__who">{who}</span>
      </div>
    );
  }

  const after = workingDirection(next.item, direction, languages);
  const before = workingDirection(current.item, direction, languages);
  const booth =
    after.kind === 'working'
      ? t(before.kind === 'working' ? 'booth.switch.boothFlips' : 'booth.switch.boothOn', { direction: arrow(after.from, after.to) })
      : after.kind === 'idle'
        ? t('booth.switch.boothOff', { lang: langCode(after.floor) })
        : '';
  const urgent = when.kind === 'in' && when.seconds * 1000 <= URGENT_MS;

  return (
    <section
      className="transition transition--switch"
      data-testid="language-switch"
      data-from={change.from}
      data-to={change.to}
      data-item-id={next.item.id}
      data-switch-at={when.at ?? ''}
      data-urgent={urgent}
      role="status"
      aria-label={t('booth.switch.label')}
    >
      <span className="transition__headline">{t('booth.switch.headline', { direction: arrow(change.from, [change.to]) })}</span>{' '}
      <Countdown when={when} t={t} />
      <span className="transition__who">{who}</span>
      <AttendanceFlag attendance={next.item.attendance} compact />
      {booth && <span className="transition__booth">{booth}</span>}
      {change.moderators.map((m) => (
        <span key={`${m.name}-${m.lang}`} className="transition__moderator" data-testid="language-switch-moderator" data-lang={m.lang}>
          {t('booth.switch.moderator', { name: m.name || t('booth.moderator'), lang: langCode(m.lang) })}
        </span>
      ))}
    </section>
  );
}

function Countdown({ when, t }: { when: When; t: Translate }) {
  const text =
    when.kind === 'in'
      ? t('booth.switch.in', { time: formatSeconds(when.seconds) })
      : t(when.kind === 'soon' ? 'booth.switch.anyMoment' : 'booth.switch.afterThis');
  return (
    <span className="transition__when" data-testid="next-countdown" data-kind={when.kind}>
      {text}
    </span>
  );
}
