import { auxDigits } from '../../shared/timing/aux-digits';
import { AUX_TIMER_IDS, type AuxTimer, type AuxView } from '../../shared/timing/timing-state';
import { useRostrum } from '../app/store';
import { useServerValue } from '../app/use-server-value';
import { useI18n } from '../i18n/i18n';
import './timing.css';

/** The digits of an extra timer, anchored like the main clock: re-rendered only when they change. */
export function AuxDigits({ timer }: { timer: AuxTimer }) {
  const text = useServerValue((now) => auxDigits(timer, now).text);
  return <span className="aux-timer__digits">{text}</span>;
}

/** The extra timers chosen for this view (aux.set `views`), each with its label. */
export function AuxTimers({ view }: { view: AuxView }) {
  const { t } = useI18n();
  const aux = useRostrum((s) => s.snapshot?.aux ?? null);
  if (aux === null) return null;
  const shown = AUX_TIMER_IDS.filter((id) => aux[`${id}`].views.includes(view));
  if (shown.length === 0) return null;
  return (
    <div className="aux-timers" data-testid="aux-timers">
      {shown.map((id) => {
        const timer = aux[`${id}`];
        return (
          <div key={id} className="aux-timer" data-testid={`aux-timer-${id}`} data-status={timer.status}>
            <span className="aux-timer__label">{timer.label || t('timing.aux.title', { id: String(id) })}</span>
            <AuxDigits timer={timer} />
          </div>
        );
      })}
    </div>
  );
}
