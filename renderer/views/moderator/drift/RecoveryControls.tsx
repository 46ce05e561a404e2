import { useMemo, useState } from 'react';
import { findItem } from '../../../../shared/agenda/agenda-queries';
import type { Agenda } from '../../../../shared/agenda/agenda-schema';
import { formatSeconds, formatSignedDuration } from '../../../../shared/clock/format';
import type { RecoveryPlan } from '../../../../shared/schedule/recovery';
import { undoPlan } from '../../../../shared/schedule/recovery-undo';
import { timeOfDayIn } from '../../../../shared/time/zoned-time';
import { speakerName } from '../../../app/speaker-label';
import { useRostrum } from '../../../app/store';
import { useI18n, type Translate, type UiLanguage } from '../../../i18n/i18n';
import { askConfirm } from '../state/dialogs';
import { useLiveRecovery } from '../state/recovery-hint';
import { runCommand } from '../state/run-command';
import { ON_TIME_MS } from './drift-text';

interface Summary {
  count: number;
  totalSec: number;
  percent: number;
}

function summarise(plan: RecoveryPlan): Summary {
  const from = plan.cuts.reduce((n, c) => n + c.fromSec, 0);
  const totalSec = plan.cuts.reduce((n, c) => n + (c.fromSec - c.toSec), 0);
  return { count: plan.cuts.length, totalSec, percent: from === 0 ? 0 : Math.max(1, Math.round((totalSec / from) * 100)) };
}

/** The confirmation's body: what each item would lose. */
function CutsTable({ plan, agenda, t, lang }: { plan: RecoveryPlan; agenda: Agenda; t: Translate; lang: UiLanguage }) {
  const s = summarise(plan);
  return (
    <>
      <p>{t('moderator.confirm.recovery.body', { count: s.count, total: formatSeconds(s.totalSec), percent: s.percent })}</p>
      {plan.remainingLateMs > 0 && (
        <p className="recovery__partial">{t('moderator.confirm.recovery.partial', { late: formatSeconds(Math.round(plan.remainingLateMs / 1000)) })}</p>
      )}
      <table className="recovery__table" data-testid="recovery-cuts">
        <thead>
          <tr>
            <th scope="col">{t('moderator.confirm.recovery.item')}</th>
            <th scope="col">{t('moderator.confirm.recovery.from')}</th>
            <th scope="col">{t('moderator.confirm.recovery.to')}</th>
            <th scope="col" aria-label="−" />
          </tr>
        </thead>
        <tbody>
          {plan.cuts.map((c) => {
            const item = findItem(agenda, c.itemId)?.item;
            return (
              <tr key={c.itemId} data-item-id={c.itemId}>
                <td>{item ? speakerName(item, lang) : c.itemId}</td>
                <td>{formatSeconds(c.fromSec)}</td>
                <td>{formatSeconds(c.toSec)}</td>
                <td className="recovery__cut">{formatSignedDuration((c.toSec - c.fromSec) * 1000)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </>
  );
}

/**
 * The recovery hint (how much the remaining items would each need to lose to end on time), with
 * apply (after confirmation) and undo. Both are server commands: the server recomputes the cut as
 * of the moment it applies it, and keeps what it changed, so any console can undo it, even after
 * a reload.
 */
export function RecoveryControls() {
  const { t, lang } = useI18n();
  const plan = useLiveRecovery((s) => s.plan);
  const agenda = useRostrum((s) => s.snapshot?.agenda);
  const recovery = useRostrum((s) => s.snapshot?.recovery ?? null);
  const ended = useRostrum((s) => s.snapshot?.clock.status === 'ended');
  const summary = useMemo(() => (plan && plan.cuts.length > 0 ? summarise(plan) : null), [plan]);
  const showHint = !ended && plan !== null && summary !== null && plan.lateMs >= ON_TIME_MS;

  const apply = async () => {
    if (!plan || !agenda) return;
    const ok = await askConfirm({
      title: t('moderator.confirm.recovery.title'),
      body: <CutsTable plan={plan} agenda={agenda} t={t} lang={lang} />,
      confirmLabel: t('moderator.button.recoveryConfirm'),
    });
    if (!ok) return;
    const expectedItemId = useRostrum.getState().snapshot?.clock.currentItemId ?? undefined;
    await runCommand({ type: 'recovery.apply', expectedItemId }, 'moderator.action.recoveryApply');
  };
  // What the undo keeps, worked out as the server will (undoPlan), so the chair is told which
  // later edits survived instead of seeing them vanish or stay without a word.
  const [undone, setUndone] = useState<string | null>(null);
  const undo = async () => {
    if (!recovery || !agenda) return;
    const kept = undoPlan(recovery, agenda).kept.map((id) => {
      const item = findItem(agenda, id)?.item;
      return item ? speakerName(item, lang) : id;
    });
    const ack = await runCommand({ type: 'recovery.undo' }, 'moderator.action.recoveryUndo');
    if (ack.ok) setUndone(kept.length > 0 ? t('moderator.recovery.kept', { items: kept.join(', ') }) : t('moderator.recovery.undone'));
  };

  if (!showHint && recovery === null && undone === null) return null;
  return (
    <div className="recovery" data-testid="recovery">
      {showHint && summary && (
        <>
          <span className="recovery__hint" data-testid="recovery-hint">
            {plan.remainingLateMs > 0
              ? t('moderator.recovery.partial', {
                  count: summary.count,
                  total: formatSeconds(summary.totalSec),
                  late: formatSeconds(Math.round(plan.remainingLateMs / 1000)),
                })
              : t('moderator.recovery.hint', { count: summary.count, percent: summary.percent, total: formatSeconds(summary.totalSec) })}
          </span>
          <button type="button" className="mod-btn mod-btn--primary" data-testid="recovery-apply" onClick={() => void apply()}>
            {t('moderator.button.recoveryApply')}
          </button>
        </>
      )}
      {undone !== null && recovery === null && (
        <span className="recovery__applied" data-testid="recovery-undone" role="status">
          {undone}{' '}
          <button type="button" className="mod-btn mod-btn--small" data-testid="recovery-undone-dismiss" onClick={() => setUndone(null)} aria-label={t('moderator.button.clear')}>
            ×
          </button>
        </span>
      )}
      {recovery !== null && agenda && (
        <>
          <span className="recovery__applied">{t('moderator.recovery.applied', { time: timeOfDayIn(recovery.appliedAt, agenda.timezone) })}</span>
          <button type="button" className="mod-btn" data-testid="recovery-undo" onClick={() => void undo()}>
            {t('moderator.button.recoveryUndo')}
          </button>
        </>
      )}
    </div>
  );
}
