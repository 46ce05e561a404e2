import { useState } from 'react';
import { AUX_TIMER_IDS, AUX_VIEWS, type AuxDirection, type AuxTimer, type AuxTimerId, type AuxView } from '../../../../shared/timing/timing-state';
import { useRostrum } from '../../../app/store';
import { AuxDigits } from '../../../components/AuxTimers';
import { useI18n } from '../../../i18n/i18n';
import { auxCommand } from '../state/timing-actions';

/** One extra timer: its digits, start / pause / reset, and its length, direction, label and views. */
function AuxRow({ id, timer }: { id: AuxTimerId; timer: AuxTimer }) {
  const { t } = useI18n();
  const [minutes, setMinutes] = useState(String(timer.durationMs / 60_000));
  const [direction, setDirection] = useState<AuxDirection>(timer.direction);
  const [label, setLabel] = useState(timer.label);
  const toggleView = (view: AuxView, on: boolean) => {
    const views = on ? [...timer.views, view] : timer.views.filter((v) => v !== view);
    void auxCommand({ type: 'aux.set', timerId: id, durationSec: timer.durationMs / 1000, direction: timer.direction, views });
  };
  return (
    <li className="aux-row" data-testid={`aux-row-${id}`} data-status={timer.status}>
      <div className="aux-row__head">
        <span className="aux-row__name">{timer.label || t('timing.aux.title', { id: String(id) })}</span>
        <AuxDigits timer={timer} />
        {timer.status === 'running' ? (
          <button type="button" className="ctl ctl--quiet" data-testid={`aux-pause-${id}`} onClick={() => void auxCommand({ type: 'aux.pause', timerId: id })}>
            {t('timing.aux.pause')}
          </button>
        ) : (
          <button type="button" className="ctl ctl--quiet" data-testid={`aux-start-${id}`} onClick={() => void auxCommand({ type: 'aux.start', timerId: id })}>
            {t('timing.aux.start')}
          </button>
        )}
        <button type="button" className="ctl ctl--quiet" data-testid={`aux-reset-${id}`} onClick={() => void auxCommand({ type: 'aux.reset', timerId: id })}>
          {t('timing.aux.reset')}
        </button>
      </div>
      <form
        className="aux-row__set"
        onSubmit={(e) => {
          e.preventDefault();
          const durationSec = Math.round(Number(minutes) * 60);
          void auxCommand({ type: 'aux.set', timerId: id, durationSec: Number.isFinite(durationSec) ? durationSec : -1, direction, label });
        }}
      >
        <label>
          {t('timing.aux.minutes')}
          <input type="number" min={0} step={1} value={minutes} data-testid={`aux-minutes-${id}`} onChange={(e) => setMinutes(e.target.value)} />
        </label>
        <select value={direction} aria-label={t('timing.aux.down')} onChange={(e) => setDirection(e.target.value as AuxDirection)}>
          <option value="down">{t('timing.aux.down')}</option>
          <option value="up">{t('timing.aux.up')}</option>
        </select>
        <label>
          {t('timing.aux.label')}
          <input type="text" maxLength={80} value={label} data-testid={`aux-label-${id}`} onChange={(e) => setLabel(e.target.value)} />
        </label>
        <button type="submit" className="ctl ctl--quiet" data-testid={`aux-set-${id}`}>
          {t('timing.aux.set')}
        </button>
      </form>
      <fieldset className="aux-row__views">
        <legend>{t('timing.aux.views')}</legend>
        {AUX_VIEWS.map((view) => (
          <label key={view}>
            <input type="checkbox" checked={timer.views.includes(view)} data-testid={`aux-view-${id}-${view}`} onChange={(e) => toggleView(view, e.target.checked)} />
            {t(`timing.view.${view}`)}
          </label>
        ))}
      </fieldset>
    </li>
  );
}

/** The two extra timers ("coffee break ends", "Q&A", "doors open"), independent of the agenda. */
export function AuxTimersPanel() {
  const { t } = useI18n();
  const aux = useRostrum((s) => s.snapshot?.aux ?? null);
  if (aux === null) return null;
  return (
    <section className="panel side-panel aux-panel" data-testid="aux-panel" aria-label={t('timing.aux.panel')}>
      <div className="side-panel__head">
        <h2 className="side-panel__title">{t('timing.aux.panel')}</h2>
      </div>
      <ul className="aux-list">
        {AUX_TIMER_IDS.map((id) => (
          <AuxRow key={`${id}:${aux[`${id}`].durationMs}:${aux[`${id}`].direction}:${aux[`${id}`].label}`} id={id} timer={aux[`${id}`]} />
        ))}
      </ul>
    </section>
  );
}
