import type { Session } from '../../../shared/agenda/agenda-schema';
import { languageName } from '../../app/speaker-label';
import { useI18n } from '../../i18n/i18n';
import { langCode } from './direction';

/** The session's moderator and their language: they speak between items. */
export function ModeratorLine({ session }: { session: Session | undefined }) {
  const { t, lang } = useI18n();
  if (!session) return null;
  return (
    <div className="moderator-line" data-testid="session-moderator" data-lang={session.moderatorLanguage}>
      <span className="moderator-line__label">{t('booth.moderator')}</span>{' '}
      <span className="moderator-line__name">{session.moderator || t('booth.moderator.none')}</span>{' '}
      <span className="lang-code" title={languageName(session.moderatorLanguage, lang)}>
        {langCode(session.moderatorLanguage)}
      </span>
      <span className="moderator-line__session">{session.title}</span>
    </div>
  );
}
