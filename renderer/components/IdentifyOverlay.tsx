import './identify.css';
import { useIdentify } from '../app/display-orders';
import { useI18n } from '../i18n/i18n';

/**
 * The console's "Identify" (#19): this display's name, big, over whatever the page shows, for a
 * few seconds. Only the display that was asked shows it (the server tells that one alone).
 */
export function IdentifyOverlay() {
  const { t } = useI18n();
  const name = useIdentify((s) => s.name);
  if (name === null) return null;
  return (
    <div className="identify" data-testid="identify-overlay" role="status" aria-live="assertive">
      <span className="identify__label">{t('displays.identify.label')}</span>
      <span className="identify__name" data-testid="display-identify-name" dir="auto">
        {name || t('displays.identify.unnamed')}
      </span>
    </div>
  );
}
