import { useI18n } from '../../../i18n/i18n';
import { useOpenRequestCount } from './open-requests';

/** Brings the Booth requests panel into view, wherever the console is scrolled, and focuses it. */
function showRequests(): void {
  const panel = document.querySelector<HTMLElement>('[data-testid="booth-requests"]');
  if (!panel) return;
  panel.scrollIntoView({ block: 'start', behavior: 'smooth' });
  panel.focus({ preventScroll: true });
}

/**
 * The top bar's count of open booth requests: the top bar is always in view, the panel is not
 * (at 1366×768 it scrolls away as soon as the message field is used). Absent when none is open.
 */
export function RequestBadge() {
  const { t } = useI18n();
  const count = useOpenRequestCount();
  if (count === 0) return null;
  return (
    <button
      type="button"
      className="req-badge"
      data-testid="booth-request-badge"
      data-count={count}
      title={t('moderator.requests.badgeHint', { count })}
      onClick={showRequests}
    >
      <svg className="req-badge__icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
        <path d="M12 3a6 6 0 0 0-6 6v4l-2 3h16l-2-3V9a6 6 0 0 0-6-6zm-2 15a2 2 0 0 0 4 0z" fill="currentColor" />
      </svg>
      <span className="req-badge__label">{t('moderator.requests.badge')}</span>
      <span className="req-badge__count" data-testid="booth-request-badge-count">
        {count}
      </span>
    </button>
  );
}
