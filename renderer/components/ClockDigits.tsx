import { useClock } from '../app/hooks';
import { useI18n } from '../i18n/i18n';

/** The clock digits. Tabular numerals, so the width holds still as they change. */
export function ClockDigits({ className = '' }: { className?: string }) {
  const { text, countsUp } = useClock();
  const { t } = useI18n();
  return (
    <div
      className={`clock-digits ${className}`.trim()}
      data-testid="clock-remaining"
      data-counts-up={countsUp}
      role="timer"
      aria-label={t(countsUp ? 'label.elapsed' : 'label.remaining')}
    >
      {text}
    </div>
  );
}
