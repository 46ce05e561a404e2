import type { Item } from '../../../shared/agenda/agenda-schema';
import { formatSeconds } from '../../../shared/clock/format';
import type { ItemSchedule } from '../../../shared/schedule/projection';
import type { Instant } from '../../../shared/time/instant';
import { timeOfDayIn } from '../../../shared/time/zoned-time';
import { speakerName } from '../../app/speaker-label';
import { useRostrum } from '../../app/store';
import { useI18n } from '../../i18n/i18n';

/** Sessions and their items, with planned start times in the agenda's zone; the current item marked. */
export function AgendaList() {
  const { t, lang } = useI18n();
  const agenda = useRostrum((s) => s.snapshot?.agenda);
  const schedule = useRostrum((s) => s.snapshot?.schedule);
  const currentItemId = useRostrum((s) => (s.snapshot?.clock.status === 'ended' ? null : s.snapshot?.clock.currentItemId));
  if (!agenda) return null;

  const planned = new Map<string, ItemSchedule>(schedule?.items.map((i) => [i.itemId, i]));
  // Planned times as re-anchored by the schedule (a rehearsal on another day shifts them all).
  const sessionStart = (id: string, fallback: string) => {
    const s = schedule?.sessions.find((x) => x.sessionId === id);
    return s ? timeOfDayIn(s.plannedStart, agenda.timezone) : fallback;
  };
  const hasItems = agenda.sessions.some((s) => s.items.length > 0);

  return (
    <nav className="agenda" aria-label={t('label.agenda')}>
      <h2 className="agenda__heading">{t('label.agenda')}</h2>
      {!hasItems && <p className="agenda__empty">{t('agenda.empty')}</p>}
      <ol className="agenda__sessions" data-testid="agenda">
        {agenda.sessions.map((session) => (
          <li key={session.id} className="agenda__session" data-session-id={session.id}>
            <h3 className="agenda__session-title">
              <span className="agenda__time">{sessionStart(session.id, session.plannedStart)}</span> {session.title}
            </h3>
            <ol className="agenda__items">
              {session.items.map((item) => (
                <AgendaRow
                  key={item.id}
                  item={item}
                  start={planned.get(item.id)?.plannedStart}
                  timezone={agenda.timezone}
                  current={item.id === currentItemId}
                  name={speakerName(item, lang)}
                  labels={{ current: t('agenda.current'), skipped: t('agenda.skipped'), open: t('agenda.noDuration') }}
                />
              ))}
            </ol>
          </li>
        ))}
      </ol>
    </nav>
  );
}

interface RowProps {
  item: Item;
  start: Instant | undefined;
  timezone: string;
  current: boolean;
  name: string;
  labels: { current: string; skipped: string; open: string };
}

function AgendaRow({ item, start, timezone, current, name, labels }: RowProps) {
  const duration = item.durationSec === undefined ? labels.open : formatSeconds(item.durationSec);
  return (
    <li
      className="agenda__item"
      data-testid="agenda-item"
      data-item-id={item.id}
      data-current={current}
      data-skipped={item.skipped}
      aria-current={current ? 'step' : undefined}
    >
      <span className="agenda__time">{start === undefined ? '' : timeOfDayIn(start, timezone)}</span>
      <span className="agenda__what">
        <span className="agenda__name">{name}</span>
        {name !== item.title && <span className="agenda__title">{item.title}</span>}
      </span>
      <span className="agenda__lang">{item.language}</span>
      <span className="agenda__duration">{duration}</span>
      {current && <span className="agenda__badge">{labels.current}</span>}
      {item.skipped && <span className="agenda__badge agenda__badge--muted">{labels.skipped}</span>}
    </li>
  );
}
