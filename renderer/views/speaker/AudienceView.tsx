import { useMemo } from 'react';
import { flattenItems, type LocatedItem } from '../../../shared/agenda/agenda-queries';
import { driftOf } from '../../../shared/outputs/drift';
import type { ItemSchedule } from '../../../shared/schedule/projection';
import type { Instant } from '../../../shared/time/instant';
import { timeOfDayIn } from '../../../shared/time/zoned-time';
import { useLineup } from '../../app/hooks';
import { flagParam } from '../../app/output-params';
import { useOutputLanguages } from '../../app/output-language';
import { viewerZone } from '../../app/personal-item';
import { useSchedule } from '../../app/schedule';
import { useRostrum } from '../../app/store';
import { useOutputBranding } from '../../app/branding';
import { BrandMark } from '../../components/BrandMark';
import { ClockDigits } from '../../components/ClockDigits';
import { ConnectionIndicator } from '../../components/ConnectionIndicator';
import { PhaseLabel } from '../../components/PhaseLabel';
import { LanguageSwitch } from '../../i18n/LanguageSwitch';
import { SpeakerLine } from '../../components/SpeakerLine';
import { ViewRoot } from '../../components/ViewRoot';
import { LanguageScope, useI18n } from '../../i18n/i18n';
import { agendaZones, timesInZones } from '../../../shared/time/agenda-zones';
import { AuxTimers } from '../../components/AuxTimers';
import { StartsIn } from '../../components/StartsIn';

/** How many items the "next" list shows. */
const NEXT_COUNT = 3;
/** `?timer=1`: the remaining time too (the audience screen shows none by default). */
const withTimer = flagParam(window.location.search, 'timer');

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
 * The audience's page: the webinar audience's (docs/remote.md) and the room or foyer screen's
 * (docs/outputs.md): the event and room, the session and speaker on now, the next items and the
 * agenda with projected starts. Read-only, no clock digits unless `?timer=1`; `?lang=en+zh` shows
 * the two languages side by side.
 */
export function AudienceView() {
  const { t } = useI18n();
  const langs = useOutputLanguages();
  const agenda = useRostrum((s) => s.snapshot?.agenda ?? null);
  const paired = langs.length > 1;
  useOutputBranding();

  return (
    <ViewRoot view="speaker">
      <div className="audience" data-testid="audience" data-paired={paired} data-timer={withTimer}>
        <header className="audience__top brand-accent">
          <BrandMark />
          <div className="audience__heading">
            <h1 className="audience__title">{agenda?.title || t('audience.title')}</h1>
            {agenda?.venue && (
              <span className="audience__room" data-testid="audience-room">
                {agenda.venue}
              </span>
            )}
          </div>
          <ConnectionIndicator />
          {!paired && <LanguageSwitch />}
        </header>
        <div className="audience__body">
          {paired ? (
            langs.map((lang) => (
              <LanguageScope.Provider key={lang} value={lang}>
                <AudienceColumn />
              </LanguageScope.Provider>
            ))
          ) : (
            <AudienceColumn />
          )}
        </div>
      </div>
    </ViewRoot>
  );
}

/** The current speaker: the name in both scripts, the item's title, their title and organisation. */
function CurrentSpeaker({ located, emptyText }: { located: LocatedItem | undefined; emptyText: string }) {
  const detail = located ? [located.item.speaker.role, located.item.speaker.organisation].filter((s) => s !== '').join(' · ') : '';
  return (
    <div className="audience__speaker" data-testid="audience-current-speaker" data-item={located?.item.id ?? ''}>
      <SpeakerLine located={located} emptyText={emptyText} testId="current-speaker" detailed />
      {detail && <div className="audience__affiliation">{detail}</div>}
    </div>
  );
}

/** Everything below the header, in the language of its scope. */
function AudienceColumn() {
  const { t, lang } = useI18n();
  const { current, next, ended } = useLineup();
  const agenda = useRostrum((s) => s.snapshot?.agenda ?? null);
  const showsLate = useRostrum((s) => s.snapshot?.display.audienceShowsLate ?? false);
  const schedule = useSchedule((s) => s.schedule);
  const zoned = useZonedStart();
  const byId = useMemo(() => new Map((schedule?.items ?? []).map((i) => [i.itemId, i])), [schedule]);
  const session = current?.session;
  const upcoming = useMemo(() => nextItems(agenda === null ? [] : flattenItems(agenda), next, byId), [agenda, next, byId]);
  const late = schedule !== null && !ended && driftOf(schedule.driftMs);

  return (
    <div className="audience__column" lang={lang === 'zh' ? 'zh-CN' : 'en'} data-lang={lang}>
      <section className="audience__now" aria-label={t('audience.now')}>
        <span className="audience__label">{t('audience.now')}</span>
        {session && (
          <div className="audience__session" data-testid="audience-session">
            {session.title}
          </div>
        )}
        <CurrentSpeaker located={current} emptyText={t(ended ? 'audience.ended' : 'audience.nothingNow')} />
        <StartsIn />
        <AuxTimers view="audience" />
        {withTimer && current && (
          <div className="audience__timer" aria-label={t('audience.remaining')}>
            <ClockDigits className="audience__digits" />
            <PhaseLabel className="audience__phase" />
          </div>
        )}
        {showsLate && late && late.kind === 'late' && (
          <p className="audience__late" data-testid="audience-late">
            {t('audience.runningLate', { minutes: late.minutes })}
          </p>
        )}
      </section>
      <section className="audience__next" aria-label={t('audience.next')}>
        <span className="audience__label">{t('audience.next')}</span>
        <ol className="audience__next-list" data-testid="audience-next">
          {upcoming.length === 0 && (
            <li className="audience__next-item">
              <SpeakerLine located={undefined} emptyText={t('speaker.none')} testId="next-speaker" />
            </li>
          )}
          {upcoming.map(({ located, start }, i) => (
            <li key={located.item.id} className="audience__next-item" data-testid="audience-next-item" data-item={located.item.id}>
              <SpeakerLine located={located} emptyText="" testId={i === 0 ? 'next-speaker' : 'audience-next-speaker'} detailed />
              {start !== null && (
                <span className="audience__times" data-testid={i === 0 ? 'next-start' : 'audience-next-start'}>
                  {zoned(start)}
                </span>
              )}
            </li>
          ))}
        </ol>
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
  );
}

/** The next item and the ones after it that will run (not skipped), with their projected starts. */
function nextItems(all: readonly LocatedItem[], next: LocatedItem | undefined, byId: Map<string, ItemSchedule>): { located: LocatedItem; start: Instant | null }[] {
  if (!next) return [];
  const from = all.findIndex((l) => l.item.id === next.item.id);
  return all
    .slice(from)
    .filter((l) => !l.item.skipped)
    .slice(0, NEXT_COUNT)
    .map((located) => ({ located, start: byId.get(located.item.id)?.projectedStart ?? null }));
}

