import { useEffect, useMemo, useRef } from 'react';
import { flattenItems, type LocatedItem } from '../../../shared/agenda/agenda-queries';
import type { ItemSchedule } from '../../../shared/schedule/projection';
import { driftOf } from '../../../shared/outputs/drift';
import { timeOfDayIn } from '../../../shared/time/zoned-time';
import { useLineup } from '../../app/hooks';
import { useOutputLanguages } from '../../app/output-language';
import { useSchedule } from '../../app/schedule';
import { useRostrum } from '../../app/store';
import { ClockDigits } from '../../components/ClockDigits';
import { ConnectionIndicator } from '../../components/ConnectionIndicator';
import { PhaseLabel } from '../../components/PhaseLabel';
import { SpeakerLine } from '../../components/SpeakerLine';
import { ViewRoot } from '../../components/ViewRoot';
import { LanguageSwitch } from '../../i18n/LanguageSwitch';
import { useI18n, type Translate } from '../../i18n/i18n';
import { CrewRequests } from './CrewRequests';

const driftWords = (ms: number, t: Translate): string => {
  const d = driftOf(ms);
  return d.kind === 'on-time' ? t('crew.drift.onTime') : t(d.kind === 'late' ? 'crew.drift.late' : 'crew.drift.early', { minutes: d.minutes });
};

function Attendance({ located }: { located: LocatedItem | undefined }) {
  const { t } = useI18n();
  if (!located) return null;
  const online = located.item.attendance === 'online';
  return (
    <span className="crew-chip" data-attendance={located.item.attendance}>
      {t(online ? 'crew.online' : 'crew.onsite')}
    </span>
  );
}

/**
 * Backstage on a phone (#19): now and next (on site or online), the remaining time, the notes of the
 * item on now (the agenda has no notes for crew alone: these are the item's notes, which the
 * moderator writes in the console), the booths' requests, and the rundown with projected times and
 * drift, following the current item. Read-only, with the view token.
 */
export function CrewView() {
  const { t } = useI18n();
  useOutputLanguages();
  const agenda = useRostrum((s) => s.snapshot?.agenda ?? null);
  const schedule = useSchedule((s) => s.schedule);
  const { current, next, ended } = useLineup();
  const byId = useMemo(() => new Map((schedule?.items ?? []).map((i) => [i.itemId, i])), [schedule]);
  const zone = agenda?.timezone;
  const at = (s: ItemSchedule | undefined) => {
    const when = s?.actualStart ?? s?.projectedStart ?? null;
    return when === null || zone === undefined ? '' : timeOfDayIn(when, zone);
  };
  const nextSchedule = next ? byId.get(next.item.id) : undefined;

  return (
    <ViewRoot view="crew">
      <div className="crew">
        <header className="crew__top">
          <h1 className="crew__title">
            {t('crew.title')}
            <span className="crew__event">{agenda?.title ?? ''}</span>
          </h1>
          <ConnectionIndicator />
          <LanguageSwitch />
        </header>
        {schedule !== null && (
          <p className="crew__drift" data-testid="crew-drift" data-drift={driftOf(schedule.driftMs).kind}>
            {driftWords(schedule.driftMs, t)}
          </p>
        )}
        <section className="crew-card crew-card--now" aria-label={t('crew.now')}>
          <div className="crew-card__head">
            <span className="crew-card__label">{t('crew.now')}</span>
            <Attendance located={current} />
            <PhaseLabel className="crew-card__phase" />
          </div>
          <div data-testid="crew-current" data-item={current?.item.id ?? ''}>
            <SpeakerLine located={current} emptyText={t(ended ? 'audience.ended' : 'crew.nothing')} testId="crew-current-speaker" detailed />
          </div>
          {current && <ClockDigits className="crew-card__digits" />}
          {current && (
            <div className="crew-card__notes" data-testid="crew-notes">
              <span className="crew-card__label">{t('crew.notes')}</span>
              <p>{current.item.notes || t('crew.notesNone')}</p>
            </div>
          )}
        </section>
        <section className="crew-card" aria-label={t('crew.next')}>
          <div className="crew-card__head">
            <span className="crew-card__label">{t('crew.next')}</span>
            <Attendance located={next} />
            <span className="crew-card__time" data-testid="crew-next-start">
              {at(nextSchedule)}
            </span>
          </div>
          <div data-testid="crew-next" data-item={next?.item.id ?? ''}>
            <SpeakerLine located={next} emptyText={t('speaker.none')} testId="crew-next-speaker" />
          </div>
        </section>
        <CrewRequests />
        <section className="crew-rundown" aria-label={t('crew.rundown')}>
          <h2 className="crew-card__label">{t('crew.rundown')}</h2>
          <ol className="crew-rundown__list">
            {agenda !== null && flattenItems(agenda).map((located) => <RundownRow key={located.item.id} located={located} s={byId.get(located.item.id)} time={at(byId.get(located.item.id))} current={located.item.id === current?.item.id} />)}
          </ol>
        </section>
      </div>
    </ViewRoot>
  );
}

function RundownRow({ located, s, time, current }: { located: LocatedItem; s: ItemSchedule | undefined; time: string; current: boolean }) {
  const { t } = useI18n();
  const row = useRef<HTMLLIElement>(null);
  const mounted = useRef(false);
  // Follows the current item: when the clock moves on, its row scrolls into view (as little as it
  // takes, so that "now" at the top stays in sight as long as it can). Not on opening the page.
  useEffect(() => {
    if (current && mounted.current) row.current?.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
    mounted.current = true;
  }, [current]);
  const progress = s?.progress ?? 'upcoming';
  const drift = s && s.projectedStart !== null && progress === 'upcoming' ? driftOf(s.projectedStart - s.plannedStart) : null;
  return (
    <li ref={row} className="crew-row" data-testid="crew-row" data-item={located.item.id} data-progress={progress} aria-current={current ? 'step' : undefined}>
      <details className="crew-row__details">
        <summary className="crew-row__summary">
          <span className="crew-row__time">{progress === 'skipped' ? t('crew.skipped') : time}</span>
          <span className="crew-row__who">
            <SpeakerLine located={located} emptyText="" testId="crew-row-speaker" />
          </span>
          <Attendance located={located} />
          {drift && drift.kind !== 'on-time' && (
            <span className="crew-row__drift" data-drift={drift.kind}>
              {drift.kind === 'late' ? '+' : '−'}
              {drift.minutes}′
            </span>
          )}
        </summary>
        <div className="crew-row__more">
          <div className="crew-row__title">{located.item.title}</div>
          <p>{located.item.notes || t('crew.notesNone')}</p>
        </div>
      </details>
    </li>
  );
}
