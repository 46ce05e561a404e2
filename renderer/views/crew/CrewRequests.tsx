import type { BoothRequest } from '../../../shared/contract/state';
import { useRostrum } from '../../app/store';

const NONE: readonly BoothRequest[] = [];
import { useI18n } from '../../i18n/i18n';

/** The booths' requests to the moderator, read-only: the open ones, so the stage manager knows too. */
export function CrewRequests() {
  const { t } = useI18n();
  const requests = useRostrum((s) => s.snapshot?.booth.requests ?? NONE);
  const open = requests.filter((r) => r.acknowledgedAt === null);
  return (
    <section className="crew-card" aria-label={t('crew.requests')} data-testid="crew-requests">
      <span className="crew-card__label">{t('crew.requests')}</span>
      {open.length === 0 ? (
        <p className="crew-card__empty">{t('crew.requestsNone')}</p>
      ) : (
        <ul className="crew-requests">
          {open.map((r) => (
            <li key={r.id} className="crew-request" data-testid="crew-request" data-kind={r.kind}>
              <strong>{r.booth}</strong> {t(`crew.request.${r.kind}`)}
              {r.text && <span className="crew-request__text">: {r.text}</span>}
              {r.count > 1 && <span className="crew-request__count"> ×{r.count}</span>}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
