import { useMemo } from 'react';
import { flattenItems } from '../../../shared/agenda/agenda-queries';
import type { Instant } from '../../../shared/time/instant';
import { timeOfDayIn } from '../../../shared/time/zoned-time';
import { useLineup } from '../../app/hooks';
import { viewerZone } from '../../app/personal-item';
import { useSchedule } from '../../app/schedule';
import { useRostrum } from '../../app/store';
import { ConnectionIndicator } from '../../components/ConnectionIndicator';
import { LanguageSwitch } from '../../i18n/LanguageSwitch';
import { SpeakerLine } from '../../components/SpeakerLine';
import { ViewRoot } from '../../components/ViewRoot';
import { useI18n } from '../../i18n/i18n';
import { agendaZones, timesInZones } from '../../../shared/time/agenda-zones';
import { AuxTimers } from '../../components/AuxTimers';
import { StartsIn } from '../../components/StartsIn';

/** "14:07 Beijing · 07:07 CET · your time 01:07": a projected start in every zone of the event, then the viewer's. */
function useZonedStart(): (at: Instant) => string {
  const { t, lang } = useI18n();
  const agenda = useRostrum((s) => s.snapshot?.agenda ?? null);
  return useMemo(() => {
    const zones = agenda === null ? [] : agendaZones(agenda);
    const own = viewerZone();
    return (at: Instant) => {
      const event = timesInZones(at, zones, lang);
      const mine = timeOfDayIn(at, own);
      const extra = event.some((z) => z.time === mine) ? [] : [t('speaker.personal.yourTime', { time: mine })];
      return [...event.map((z) => `${z.time} ${z.label}`), ...extra].join(' · ');
    };
  }, [agenda, lang, t]);
}

/**
 * The webinar audience's page: now, next and the agenda with projected starts — read-only, no clock
 * digits (the audience follows the programme, not the speaker's seconds).
 */
export function AudienceView() {
  const { t } = useI18n();
  const { current, next, ended } = useLineup();
  const agenda = useRostrum((s) => s.snapshot?.agenda ?? null);
  const schedule = useSchedule((s) => s.schedule);
  const zoned = useZonedStart();
  const byId = useMemo(() => new Map((schedule?.items ?? []).map((i) => [i.itemId, i])), [schedule]);
  const nextStart = next ? (byId.get(next.item.id)?.projectedStart ?? null) : null;

  return (
    <ViewRoot view="speaker">
      <div className="audience" data-testid="audience">
        <header className="audience__top">
          <h1 className="audience__title">{agenda?.title || t('audience.title')}</h1>
          <ConnectionIndicator />
          <LanguageSwitch />
        </header>
        <section className="audience__now" aria-label={t('audience.now')}>
          <span className="audience__label">{t('audience.now')}</span>
          <SpeakerLine located={current} emptyText={t(ended ? 'audience.ended' : 'audience.nothingNow')} testId="current-speaker" detailed />
          <StartsIn />
          <AuxTimers view="audience" />
        </section>
        <section className="audience__next" aria-label={t('audience.next')}>
          <span className="audience__label">{t('audience.next')}</span>
          <SpeakerLine located={next} emptyText={t('speaker.none')} testId="next-speaker" />
          {nextStart !== null && (
            <span className="audience__times" data-testid="next-start">
              {zoned(nextStart)}
            </span>
          )}
        </section>
        <section className="audience__agenda" aria-label={t('audience.agenda')}>
          <h2 className="audience__label">{t('audience.agenda')}</h2>
          <ol className="audience__list">
            {agenda !== null &&
              flattenItems(agenda).map((located) => {
                const s = byId.get(located.item.id);
                const start = s?.projectedStart ?? s?.actualStart ?? null;
                return (
                  <li key={located.item.id} className="audience__row" data-testid="audience-item" data-item={located.item.id} data-progress={s?.progress ?? 'upcoming'}>
                    <span className="audience__times">{s?.progress === 'skipped' ? t('audience.skipped') : s?.progress === 'done' ? t('audience.done') : start === null ? '' : zoned(start)}</span>
                    <SpeakerLine located={located} emptyText="" testId="audience-speaker" />
                  </li>
                );
              })}
          </ol>
        </section>
      </div>
    </ViewRoot>
  );
}
