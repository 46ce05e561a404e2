import { useState } from 'react';
import type { ConnectedDisplay } from '../../../../shared/contract/presence';
import { useDisplays } from '../../../app/displays';
import { languageName } from '../../../app/speaker-label';
import { useRostrum } from '../../../app/store';
import { useI18n, type Translate, type UiLanguage } from '../../../i18n/i18n';
import { Dialog } from '../dialogs/Dialog';
import { BrandingSettings } from '../displays/BrandingSettings';
import { DisplayManager } from '../displays/DisplayManager';

const LANGUAGE_CAPS: Record<UiLanguage, string> = { en: 'EN', zh: '中文' };

function direction(d: ConnectedDisplay, t: Translate, lang: UiLanguage): string {
  if (d.direction === null) return '';
  if (d.direction === 'both') return t('moderator.displays.both');
  return t('moderator.displays.into', { language: languageName(d.direction.replace(/^into:/, ''), lang) });
}

/** What a speaker monitor really shows: black, the timer only (`?bare=1`), or the clock with or without the message. */
type SpeakerShows = 'blank' | 'bare' | 'message' | 'clock';

const speakerShows = (display: ConnectedDisplay, blank: boolean, message: boolean): SpeakerShows =>
  blank ? 'blank' : display.bare ? 'bare' : message ? 'message' : 'clock';

function DisplayRow({
  display,
  fallbackName,
  detail,
  shows,
  t,
}: {
  display: ConnectedDisplay;
  fallbackName: string;
  detail: string;
  shows?: SpeakerShows;
  t: Translate;
}) {
  return (
    <li className="display-row" data-testid="display-row" data-view={display.view} data-language={display.language} data-shows={shows}>
      <span className="display-row__name">{display.name || fallbackName}</span>
      <span className="chip" title={t('moderator.displays.uiLanguage')} lang={display.language === 'zh' ? 'zh-CN' : 'en'}>
        {LANGUAGE_CAPS[display.language]}
      </span>
      {detail && <span className="display-row__detail">{detail}</span>}
    </li>
  );
}

/**
 * Which speaker monitors and booths are connected, each with its language; for a monitor, what it
 * really shows (a `?bare=1` one never shows the message); for a booth, its direction.
 */
export function DisplaysPanel() {
  const { t, lang } = useI18n();
  const displays = useDisplays((s) => s.displays);
  const known = useDisplays((s) => s.known);
  const blank = useRostrum((s) => s.snapshot?.display.speakerBlank ?? false);
  const message = useRostrum((s) => (s.snapshot?.messages.speaker ?? null) !== null);
  const [managing, setManaging] = useState(false);
  // The speaker bundle also serves /audience (and other read-only pages): those are not monitors.
  const speakers = displays.filter((d) => d.view === 'speaker' && d.page === 'speaker');
  const booths = displays.filter((d) => d.view === 'booth');
  const consoles = displays.filter((d) => d.view === 'moderator').length;

  return (
    <section className="panel side-panel displays" data-testid="displays" data-known={known} aria-label={t('moderator.displays.title')}>
      <div className="side-panel__head">
        <h2 className="side-panel__title">{t('moderator.displays.title')}</h2>
        {known && <span className="displays__consoles">{t('moderator.displays.consoles', { count: consoles })}</span>}
        <button type="button" className="mod-btn mod-btn--small displays__manage" data-testid="displays-manage" onClick={() => setManaging(true)}>
          {t('displays.manage.open')}
        </button>
      </div>
      {managing && (
        <Dialog
          title={t('displays.manage.title')}
          testId="displays-dialog"
          wide
          onCancel={() => setManaging(false)}
          footer={
            <button type="button" className="mod-btn" onClick={() => setManaging(false)}>
              {t('displays.close')}
            </button>
          }
        >
          <DisplayManager />
          <BrandingSettings />
        </Dialog>
      )}
      {!known ? (
        <p className="displays__unknown">{t('moderator.displays.unknown')}</p>
      ) : (
        <>
          <h3 className="displays__group">{t('moderator.displays.speakers')}</h3>
          {speakers.length === 0 ? (
            <p className="displays__missing" data-testid="no-speaker-display">
              {t('moderator.displays.noSpeaker')}
            </p>
          ) : (
            <ul className="displays__list">
              {speakers.map((d, i) => {
                const shows = speakerShows(d, blank, message);
                return (
                  <DisplayRow
                    key={d.id}
                    display={d}
                    fallbackName={t('moderator.displays.unnamedSpeaker', { n: i + 1 })}
                    detail={t(`moderator.displays.shows.${shows}`)}
                    shows={shows}
                    t={t}
                  />
                );
              })}
            </ul>
          )}
          <h3 className="displays__group">{t('moderator.displays.booths')}</h3>
          {booths.length === 0 ? (
            <p className="displays__missing displays__missing--quiet">{t('moderator.displays.noBooth')}</p>
          ) : (
            <ul className="displays__list">
              {booths.map((d, i) => (
                <DisplayRow key={d.id} display={d} fallbackName={t('moderator.displays.unnamedBooth', { n: i + 1 })} detail={direction(d, t, lang)} t={t} />
              ))}
            </ul>
          )}
        </>
      )}
    </section>
  );
}
