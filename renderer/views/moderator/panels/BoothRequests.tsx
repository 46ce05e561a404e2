import { memo } from 'react';
import type { BoothRequest } from '../../../../shared/contract/state';
import { timeOfDayIn } from '../../../../shared/time/zoned-time';
import { useRostrum } from '../../../app/store';
import { useI18n, type Translate } from '../../../i18n/i18n';
import { ChimeToggle } from '../requests/ChimeToggle';
import { isOpen } from '../requests/open-requests';
import { acknowledgeRequest, forwardSlowDown, setBoothMayEdit } from '../state/message-actions';

const RequestRow = memo(function RequestRow({ request, zone, t }: { request: BoothRequest; zone: string; t: Translate }) {
  const open = request.acknowledgedAt === null;
  return (
    <li
      className="request"
      data-testid="booth-request"
      data-kind={request.kind}
      data-request-id={request.id}
      data-state={open ? 'open' : 'acknowledged'}
    >
      <div className="request__line">
        <strong className="request__kind">{t(`moderator.requests.kind.${request.kind}`)}</strong>
        <span className="request__booth">{request.booth}</span>
        {request.count > 1 && (
          <span className="request__count" data-testid="request-count" title={t('moderator.requests.countLabel', { count: request.count })}>
            {t('moderator.requests.count', { count: request.count })}
          </span>
        )}
        <span className="request__time" data-testid="request-time">
          {open
            ? t('moderator.requests.at', { time: timeOfDayIn(request.firstAt, zone, true) })
            : t('moderator.requests.ackAt', { time: timeOfDayIn(request.acknowledgedAt!, zone) })}
        </span>
      </div>
      {request.text && <p className="request__text">{request.text}</p>}
      {open && (
        <div className="request__actions">
          {request.kind === 'slow-down' && (
            <button type="button" className="mod-btn mod-btn--small" data-testid="btn-forward-slow-down" onClick={() => void forwardSlowDown(request.id)}>
              {t('moderator.button.forward')}
            </button>
          )}
          <button type="button" className="mod-btn mod-btn--small mod-btn--primary" data-testid="btn-ack-request" onClick={() => void acknowledgeRequest(request.id)}>
            {t('moderator.button.ack')}
          </button>
        </div>
      )}
    </li>
  );
});

/**
 * Requests from the booths, as they arrive: what, from which booth, since when and how many times.
 * Open ones first with acknowledge (and, for "slow down", a one-click forward to the speaker);
 * acknowledged ones folded away underneath.
 */
export function BoothRequests() {
  const { t } = useI18n();
  const requests = useRostrum((s) => s.snapshot?.booth.requests);
  const zone = useRostrum((s) => s.snapshot?.agenda.timezone ?? 'UTC');
  const mayEdit = useRostrum((s) => s.snapshot?.booth.mayEditNotes ?? false);
  const open = requests?.filter(isOpen) ?? [];
  const closed = requests?.filter((r) => !isOpen(r)) ?? [];

  return (
    // tabIndex: the top bar's badge brings the panel into view and puts the focus on it.
    <section
      className="panel side-panel requests"
      data-testid="booth-requests"
      data-open={open.length}
      aria-label={t('moderator.requests.title')}
      tabIndex={-1}
    >
      <div className="side-panel__head">
        <h2 className="side-panel__title">
          {t('moderator.requests.title')}
          {open.length > 0 && (
            <span className="requests__badge" data-testid="booth-requests-open">
              {open.length}
            </span>
          )}
        </h2>
        <ChimeToggle />
      </div>
      {open.length === 0 ? (
        <p className="requests__none">{t('moderator.requests.none')}</p>
      ) : (
        <ul className="requests__list" aria-live="polite">
          {open.map((r) => (
            <RequestRow key={r.id} request={r} zone={zone} t={t} />
          ))}
        </ul>
      )}
      {closed.length > 0 && (
        <details className="requests__closed">
          <summary>{t('moderator.requests.acknowledged', { count: closed.length })}</summary>
          <ul className="requests__list">
            {closed.slice(0, 10).map((r) => (
              <RequestRow key={r.id} request={r} zone={zone} t={t} />
            ))}
          </ul>
        </details>
      )}
      <label className="check requests__setting">
        <input type="checkbox" checked={mayEdit} onChange={(e) => void setBoothMayEdit(e.target.checked)} data-testid="booth-may-edit" />{' '}
        {t('moderator.requests.mayEdit')}
      </label>
    </section>
  );
}
