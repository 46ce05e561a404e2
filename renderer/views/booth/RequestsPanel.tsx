import { useI18n } from '../../i18n/i18n';
import { FreeTextRequest } from './FreeTextRequest';
import { RequestButtons } from './RequestButtons';

/** Requests to the moderator, sent under this booth's name. */
export function RequestsPanel({ booth, timezone }: { booth: string; timezone: string }) {
  const { t } = useI18n();
  return (
    <section className="panel booth-requests" aria-labelledby="booth-requests-label">
      <div className="panel__head">
        <h2 className="panel__label" id="booth-requests-label">
          {t('booth.request.title')}
        </h2>
        <span className="panel__aside">{t('booth.request.as', { booth })}</span>
      </div>
      <RequestButtons booth={booth} timezone={timezone} />
      <FreeTextRequest booth={booth} timezone={timezone} />
    </section>
  );
}
