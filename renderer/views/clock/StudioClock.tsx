import { useOutputBranding } from '../../app/branding';
import { BrandMark } from '../../components/BrandMark';
import { useMemo } from 'react';
import { instant, type Instant } from '../../../shared/time/instant';
import { agendaZones, timesInZones } from '../../../shared/time/agenda-zones';
import { useOutputLanguages } from '../../app/output-language';
import { useRostrum } from '../../app/store';
import { useServerValue } from '../../app/use-server-value';
import { ClockDigits } from '../../components/ClockDigits';
import { ConnectionIndicator } from '../../components/ConnectionIndicator';
import { PhaseLabel } from '../../components/PhaseLabel';
import { ViewRoot } from '../../components/ViewRoot';
import { useI18n } from '../../i18n/i18n';
import { SecondsRing } from './SecondsRing';

const SECOND_MS = 1000;
const secondOf = (now: Instant) => Math.floor(now / SECOND_MS);

/**
 * The studio clock (#19) for control rooms and vision mixers: the time of day in the event's
 * primary zone with a seconds ring, the extra zones beside it, and the current item's remaining time
 * with its phase in the monitor's colours and words. All by the server's clock.
 */
export function StudioClock() {
  const { t, lang } = useI18n();
  useOutputLanguages();
  const agenda = useRostrum((s) => s.snapshot?.agenda ?? null);
  useOutputBranding();
  const second = useServerValue(secondOf);
  const at = instant(second * SECOND_MS);
  const zones = useMemo(() => (agenda === null ? [] : agendaZones(agenda)), [agenda]);
  const [primary, ...extra] = useMemo(() => timesInZones(at, zones, lang, true), [at, zones, lang]);

  return (
    <ViewRoot view="clock">
      <div className="studio">
        <header className="studio__top">
          <h1 className="studio__title">{agenda?.title ?? ''}</h1>
          <BrandMark />
          <ConnectionIndicator />
        </header>
        <main className="studio__main">
          <section className="studio__face" aria-label={t('clock.zones')}>
            <SecondsRing second={second % 60} />
            <div className="studio__tod">
              <time className="studio__time" data-testid="clock-time">
                {primary?.time ?? ''}
              </time>
              <span className="studio__zone" data-testid="clock-zone">
                {primary?.label ?? ''}
              </span>
            </div>
          </section>
          <section className="studio__side">
            <div className="studio__remaining" aria-label={t('clock.remaining')}>
              <span className="studio__label">{t('clock.remaining')}</span>
              <ClockDigits className="studio__digits" />
              <PhaseLabel className="studio__phase" />
            </div>
            {extra.length > 0 && (
              <ul className="studio__zones">
                {extra.map((z) => (
                  <li key={z.zone} className="studio__extra" data-testid="clock-extra-zone">
                    <time className="studio__extra-time">{z.time.slice(0, 5)}</time>
                    <span className="studio__extra-label">{z.label}</span>
                  </li>
                ))}
              </ul>
            )}
          </section>
        </main>
      </div>
    </ViewRoot>
  );
}
