import type { LocatedItem } from '../../../shared/agenda/agenda-queries';
import { useI18n } from '../../i18n/i18n';
import { AttendanceFlag } from './AttendanceFlag';
import { speakerNames } from './names';
import { ScriptFlag } from './ScriptFlag';

/**
 * Who has the floor, the way an interpreter needs to say it: honorific and name, the name in its
 * own script, title and organisation, plus the two risks to know about (online, no script).
 */
export function SpeakerCard({ located, emptyText }: { located: LocatedItem | undefined; emptyText: string }) {
  const { lang } = useI18n();
  if (!located) {
    return (
      <div className="speaker-card speaker-card--empty">
        <div className="speaker-card__name" data-testid="current-speaker">
          {emptyText}
        </div>
      </div>
    );
  }
  const { item } = located;
  const { honorific, name, alt } = speakerNames(item, lang);
  const hasSpeaker = item.speaker.name !== '' || item.speaker.localName !== '';
  const { role, organisation } = item.speaker;
  return (
    <div className="speaker-card" data-item-id={item.id}>
      <div className="speaker-card__name">
        {honorific && <span className="speaker-card__honorific">{honorific} </span>}
        <span data-testid="current-speaker">{name}</span>
        {alt && <span className="speaker-card__alt"> {alt}</span>}
      </div>
      {hasSpeaker && role && <div className="speaker-card__role">{role}</div>}
      {hasSpeaker && organisation && <div className="speaker-card__org">{organisation}</div>}
      {hasSpeaker && name !== item.title && <div className="speaker-card__item-title">{item.title}</div>}
      <div className="speaker-card__flags">
        <AttendanceFlag attendance={item.attendance} testId="current-attendance" />
        <ScriptFlag received={item.scriptReceived} testId="current-script" />
      </div>
    </div>
  );
}
