import { Fragment } from 'react';
import type { LocatedItem } from '../../../shared/agenda/agenda-queries';
import { sameLanguage } from '../../../shared/agenda/language';
import { timeOfDayIn } from '../../../shared/time/zoned-time';
import { scheduleOf, useSchedule } from '../../app/schedule';
import { useI18n } from '../../i18n/i18n';
import { AttendanceFlag } from './AttendanceFlag';
import { langCode } from './direction';
import { KeyHint } from './KeyHint';
import { announcedName, speakerNames } from './names';
import { ScriptFlag } from './ScriptFlag';

interface Props {
  current: LocatedItem | undefined;
  upcoming: LocatedItem[];
  timezone: string;
  /** The item whose booth notes are shown. */
  selectedId: string | undefined;
  onSelect: (itemId: string) => void;
}

/**
 * The next items: projected start (primary zone), language — marked where it changes — speaker,
 * title, script and online flags. A new session shows its moderator, who speaks in between.
 * Choosing a row shows its booth notes.
 */
export function UpcomingList({ current, upcoming, timezone, selectedId, onSelect }: Props) {
  const { t, lang } = useI18n();
  const schedule = useSchedule((s) => s.schedule);

  return (
    <section className="panel booth-next" aria-labelledby="booth-next-label">
      <div className="panel__head">
        <h2 className="panel__label" id="booth-next-label">
          {t('label.next')}
        </h2>
        <span className="panel__keys">
          <KeyHint label="←" />
          <KeyHint label="→" /> {t('booth.next.browse')}
        </span>
      </div>
      {upcoming.length === 0 && <p className="muted">{t('booth.next.none')}</p>}
      <ol className="upcoming">
        {upcoming.map((located, i) => {
          const before = i === 0 ? current : upcoming[i - 1];
          const newSession = before !== undefined && before.session.id !== located.session.id;
          const switches = before !== undefined && !sameLanguage(before.item.language, located.item.language);
          const start = scheduleOf(schedule, located.item.id)?.projectedStart ?? null;
          const { item } = located;
          const { alt } = speakerNames(item, lang);
          const hasSpeaker = item.speaker.name !== '' || item.speaker.localName !== '';
          const title = [item.speaker.role, item.speaker.organisation].filter(Boolean).join(' · ');
          const selected = selectedId === item.id;
          return (
            <Fragment key={item.id}>
              {newSession && (
                <li className="upcoming__session" data-testid="upcoming-session" data-lang={located.session.moderatorLanguage}>
                  <span className="upcoming__session-title">{located.session.title}</span>
                  <span className="upcoming__session-moderator">
                    {t('booth.moderator')} {located.session.moderator || t('booth.moderator.none')}{' '}
                    <span className="lang-code">{langCode(located.session.moderatorLanguage)}</span>
                  </span>
                </li>
              )}
              <li data-testid="upcoming-item" data-item-id={item.id} data-lang={item.language} data-start={start ?? ''} data-switch={switches}>
                <button type="button" className="upcoming__row" aria-pressed={selected} title={item.title} onClick={() => onSelect(item.id)}>
                  <span className="upcoming__time">{start === null ? '–:––' : timeOfDayIn(start, timezone)}</span>
                  <span className={`lang-code upcoming__lang${switches ? ' lang-code--switch' : ''}`} title={switches ? t('booth.next.switchHere') : undefined}>
                    {switches ? '→ ' : ''}
                    {langCode(item.language)}
                  </span>
                  <span className="upcoming__main">
                    <span className="upcoming__who">
                      {announcedName(item, lang)}
                      {alt && <span className="upcoming__alt"> {alt}</span>}
                    </span>
                    <span className="upcoming__title">{hasSpeaker ? title || item.title : t('booth.next.noSpeaker')}</span>
                  </span>
                  <span className="upcoming__flags">
                    <ScriptFlag received={item.scriptReceived} />
                    <AttendanceFlag attendance={item.attendance} compact />
                  </span>
                </button>
              </li>
            </Fragment>
          );
        })}
      </ol>
    </section>
  );
}
