import type { LocatedItem } from '../../../shared/agenda/agenda-queries';
import { languageName } from '../../app/speaker-label';
import { useI18n } from '../../i18n/i18n';
import { langCode } from './direction';

/** The language the speaker uses, named in the display's language, with its code. */
export function LanguageBadge({ located, testId }: { located: LocatedItem | undefined; testId: string }) {
  const { lang } = useI18n();
  if (!located) return <span className="lang-badge lang-badge--empty" data-testid={testId} />;
  const tag = located.item.language;
  return (
    <span className="lang-badge" data-testid={testId} data-lang={tag}>
      {languageName(tag, lang)} <span className="lang-badge__tag">{langCode(tag)}</span>
    </span>
  );
}
