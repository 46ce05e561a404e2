import { useClockPhase } from '../app/hooks';
import { useI18n } from '../i18n/i18n';

/** The phase in words (colour alone is not enough), or the status when the clock is not running. */
export function PhaseLabel({ className = '' }: { className?: string }) {
  const { phase, status } = useClockPhase();
  const { t } = useI18n();
  const showStatus = status !== 'running' && phase === 'normal';
  return (
    <div className={`phase-label ${className}`.trim()} data-testid="phase-label" data-phase={phase}>
      {showStatus ? t(`status.${status}`) : t(`phase.${phase}`)}
    </div>
  );
}

export function StatusLabel({ className = '' }: { className?: string }) {
  const { status } = useClockPhase();
  const { t } = useI18n();
  return (
    <div className={`status-label ${className}`.trim()} data-testid="status-label" data-status={status}>
      {t(`status.${status}`)}
    </div>
  );
}
