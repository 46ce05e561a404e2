import { useState } from 'react';
import { LOWER_THIRD_HOLD_SEC } from '../../../../shared/contract/state';
import { lowerThirdOn } from '../../../../shared/outputs/lower-third';
import { useRostrum } from '../../../app/store';
import { useServerValue } from '../../../app/use-server-value';
import { useI18n } from '../../../i18n/i18n';
import { runCommand } from '../state/run-command';
import './outputs-panel.css';

/**
 * The outputs of #19 from the console (docs/outputs.md): the stream's lower third in and out, how
 * long it stays after an item starts, and whether the audience screens may say the programme runs late.
 */
export function OutputsPanel() {
  const { t } = useI18n();
  const lowerThird = useRostrum((s) => s.snapshot?.display.lowerThird ?? null);
  const showsLate = useRostrum((s) => s.snapshot?.display.audienceShowsLate ?? false);
  const onAir = useServerValue((now) => lowerThird !== null && lowerThirdOn(lowerThird, now));
  const holdSec = lowerThird?.holdSec ?? LOWER_THIRD_HOLD_SEC.default;
  // What the operator is typing; null: the field shows the setting in force.
  const [draft, setDraft] = useState<string | null>(null);
  const hold = draft ?? String(holdSec);

  const commitHold = () => {
    const n = Number(hold);
    setDraft(null);
    if (hold.trim() === '' || !Number.isInteger(n) || n === holdSec) return;
    // Out of range goes to the server, which refuses it with the field named (the feedback line shows it).
    void runCommand({ type: 'settings.update', lowerThirdHoldSec: n }, 'moderator.action.outputs');
  };

  return (
    <section className="panel side-panel outputs" aria-label={t('moderator.outputs.title')} data-testid="outputs-panel">
      <div className="side-panel__head">
        <h2 className="side-panel__title">{t('moderator.outputs.lowerThird')}</h2>
        <span className="outputs__state" data-testid="lower-third-on-air" data-on={onAir}>
          {t(onAir ? 'moderator.outputs.onAir' : 'moderator.outputs.offAir')}
        </span>
      </div>
      <div className="outputs__row">
        <button type="button" className="mod-btn mod-btn--small" data-testid="btn-lower-third-show" onClick={() => void runCommand({ type: 'lowerThird.show' }, 'moderator.action.lowerThird')}>
          {t('moderator.outputs.show')}
        </button>
        <button
          type="button"
          className="mod-btn mod-btn--small"
          data-testid="btn-lower-third-hide"
          disabled={!onAir}
          onClick={() => void runCommand({ type: 'lowerThird.hide' }, 'moderator.action.lowerThird')}
        >
          {t('moderator.outputs.hide')}
        </button>
        <label className="outputs__hold">
          {t('moderator.outputs.hold')}{' '}
          <input
            type="number"
            min={0}
            max={LOWER_THIRD_HOLD_SEC.max}
            step={1}
            inputMode="numeric"
            value={hold}
            data-testid="lower-third-hold"
            title={t('moderator.outputs.holdHint')}
            onChange={(e) => setDraft(e.target.value)}
            onBlur={commitHold}
            onKeyDown={(e) => {
              if (e.key === 'Enter') commitHold();
            }}
          />
        </label>
      </div>
      <label className="check outputs__late">
        <input
          type="checkbox"
          checked={showsLate}
          data-testid="audience-shows-late"
          onChange={(e) => void runCommand({ type: 'settings.update', audienceShowsLate: e.target.checked }, 'moderator.action.outputs')}
        />{' '}
        {t('moderator.outputs.showsLate')}
      </label>
    </section>
  );
}
