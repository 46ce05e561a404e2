import type { LocatedItem } from '../../shared/agenda/agenda-queries';
import { speakerAltName, speakerName } from '../app/speaker-label';
import { useI18n } from '../i18n/i18n';

interface Props {
  located: LocatedItem | undefined;
  /** Shown when there is no item. */
  emptyText: string;
  testId: string;
  className?: string;
  /** Also show the other spelling of the name and the item's title. */
  detailed?: boolean;
}

/** A speaker's name (with the item title underneath when detailed), or a placeholder. */
export function SpeakerLine({ located, emptyText, testId, className = '', detailed = false }: Props) {
  const { lang } = useI18n();
  if (!located) {
    return (
      <div className={`speaker-line speaker-line--empty ${className}`.trim()}>
        <div className="speaker-line__name" data-testid={testId}>
          {emptyText}
        </div>
      </div>
    );
  }
  const { item } = located;
  const name = speakerName(item, lang);
  const alt = detailed ? speakerAltName(item, lang) : '';
  return (
    <div className={`speaker-line ${className}`.trim()}>
      <div className="speaker-line__name">
        <span data-testid={testId}>{name}</span>
        {alt && <span className="speaker-line__alt">{alt}</span>}
      </div>
      {detailed && name !== item.title && <div className="speaker-line__title">{item.title}</div>}
    </div>
  );
}
