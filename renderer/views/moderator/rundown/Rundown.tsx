import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { formatSignedDuration } from '../../../../shared/clock/format';
import { timeOfDayIn, zonedToInstant } from '../../../../shared/time/zoned-time';
import { languageName } from '../../../app/speaker-label';
import { useRostrum } from '../../../app/store';
import { useI18n, type Translate } from '../../../i18n/i18n';
import { ON_TIME_MS } from '../drift/drift-text';
import type { MoveTarget } from '../lib/moves';
import { agendaZones } from '../../../../shared/time/agenda-zones';
import { zoneLabel } from '../../../../shared/time/zone-labels';
import { moveItem, setSkipped, stepItem } from '../state/agenda-actions';
import { gotoItem } from '../state/clock-actions';
import { useSchedule } from '../../../app/schedule';
import { useLiveRecovery } from '../state/recovery-hint';
import { ItemEditDialog, type Editing } from './ItemEditDialog';
import { SessionEditDialog } from './SessionEditDialog';
import { rowModel, type RowContext } from './row-model';
import { RundownSession, type SessionModel } from './RundownSession';
import type { RowActions, RowLabels } from './RundownRow';
import { useDragReorder } from './use-drag-reorder';
import { useFollowLive } from './use-follow-live';

function rowLabels(t: Translate): RowLabels {
  return {
    plan: (time) => t('moderator.rundown.plan', { time }),
    ran: (time) => t('moderator.rundown.ran', { time }),
    cut: (time) => t('moderator.rundown.cut', { time }),
    onNow: t('moderator.rundown.onNow'),
    skipped: t('moderator.rundown.skipped'),
    missed: t('moderator.rundown.missed'),
    fixed: t('moderator.rundown.fixed'),
    script: t('moderator.rundown.script'),
    attendance: { onsite: t('moderator.attendance.onsite'), online: t('moderator.attendance.online') },
    overUnder: t('moderator.rundown.overUnder'),
    moveUp: t('moderator.button.moveUp'),
    moveDown: t('moderator.button.moveDown'),
    skip: t('moderator.button.skipItem'),
    unskip: t('moderator.button.unskipItem'),
    edit: t('moderator.button.edit'),
    drag: t('moderator.rundown.drag'),
    notes: t('moderator.rundown.notes'),
    boothNotes: t('moderator.rundown.boothNotes'),
  };
}

const mainButtonOf = (root: HTMLElement | null, itemId: string) =>
  root?.querySelector<HTMLButtonElement>(`[data-testid="rundown-item"][data-item-id="${CSS.escape(itemId)}"] .row__main`) ?? null;

/**
 * The rundown: sessions and their items with planned, projected and actual times. Rows are
 * memoised on what they show; the projection behind them changes at most once a second.
 */
export function Rundown() {
  const { t, lang } = useI18n();
  const agenda = useRostrum((s) => s.snapshot?.agenda);
  const report = useRostrum((s) => s.snapshot?.report);
  const currentItemId = useRostrum((s) => (s.snapshot?.clock.status === 'ended' ? null : (s.snapshot?.clock.currentItemId ?? null)));
  const schedule = useSchedule((s) => s.schedule);
  const plan = useLiveRecovery((s) => s.plan);
  const [editing, setEditing] = useState<Editing | null>(null);
  const [editingSession, setEditingSession] = useState<string | null>(null);
  const rootRef = useRef<HTMLElement>(null);
  const scrollRef = useRef<HTMLDivElement>(null);
  const focusAfterMove = useRef<string | null>(null);

  const zones = useMemo(() => (agenda ? agendaZones(agenda) : []), [agenda]);
  const labels = useMemo(() => rowLabels(t), [t]);
  const cuts = useMemo(() => new Map((plan && plan.lateMs >= ON_TIME_MS ? plan.cuts : []).map((c) => [c.itemId, c])), [plan]);

  const sessions = useMemo((): SessionModel[] => {
    if (!agenda || !report) return [];
    const items = new Map(schedule?.items.map((i) => [i.itemId, i]));
    const ctx: RowContext = { zones, lang, t, report, currentItemId, cuts };
    const primary = agenda.timezone;
    return agenda.sessions.map((session) => {
      const s = schedule?.sessions.find((x) => x.sessionId === session.id);
      const drift = s?.driftMs ?? 0;
      return {
        id: session.id,
        title: session.title,
        moderatorLine: t('moderator.rundown.moderator', {
          name: session.moderator || '—',
          language: languageName(session.moderatorLanguage, lang),
        }),
        window: s
          ? t('moderator.rundown.window', { start: timeOfDayIn(s.plannedStart, primary), end: timeOfDayIn(s.plannedEnd, primary) })
          : `${session.plannedStart}–${session.plannedEnd}`,
        projected:
          s?.projectedEnd != null
            ? t('moderator.rundown.projectedEnd', { time: timeOfDayIn(s.projectedEnd, primary), drift: formatSignedDuration(drift) })
            : '',
        projectedState: s?.projectedEnd == null ? '' : drift >= ON_TIME_MS ? 'late' : drift <= -ON_TIME_MS ? 'early' : 'on-time',
        endsBy: session.endAt === undefined ? '' : t('timing.session.endsBy', { time: session.endAt }),
        current: session.items.some((i) => i.id === currentItemId),
        rows: session.items.map((item) => rowModel(item, session.id, items.get(item.id), ctx)),
      };
    });
  }, [agenda, report, schedule, zones, lang, t, currentItemId, cuts]);

  const onMove = useCallback((itemId: string, target: MoveTarget) => void moveItem(itemId, target), []);
  const { draggingId, spot, handlers } = useDragReorder(agenda, onMove);
  useFollowLive(scrollRef, currentItemId, editing !== null || editingSession !== null || draggingId !== null);

  const actions = useMemo(
    (): RowActions => ({
      goto: (itemId) => void gotoItem(itemId),
      edit: (itemId) => setEditing({ mode: 'edit', itemId }),
      step: (itemId, direction) => {
        focusAfterMove.current = itemId;
        void stepItem(itemId, direction);
      },
      toggleSkip: (itemId, skipped) => void setSkipped(itemId, skipped),
      focusSibling: (itemId, direction) => {
        const all = [...(rootRef.current?.querySelectorAll<HTMLButtonElement>('.row__main') ?? [])];
        const at = all.findIndex((b) => b.closest('[data-item-id]')?.getAttribute('data-item-id') === itemId);
        all[at + direction]?.focus();
      },
      dragStart: handlers.dragStart,
      dragOver: handlers.dragOverRow,
      drop: handlers.drop,
      dragEnd: handlers.dragEnd,
    }),
    [handlers],
  );

  // A row moved with the keyboard keeps the focus once the server's answer has re-ordered the list.
  useEffect(() => {
    const id = focusAfterMove.current;
    if (id === null) return;
    focusAfterMove.current = null;
    const button = mainButtonOf(rootRef.current, id);
    if (button && document.activeElement !== button) button.focus();
  }, [agenda]);

  const all = agenda?.sessions.flatMap((s) => s.items) ?? [];
  // Labels as of the event (CET or CEST): the plan's end, or noon on the agenda's date.
  const legendAt = schedule?.plannedEnd ?? (agenda ? zonedToInstant(agenda.date, '12:00', agenda.timezone) : null);
  const zoneLegend = legendAt === null ? '' : zones.map((z) => zoneLabel(z, lang, legendAt)).join(' · ');

  return (
    <section className="panel rundown" aria-label={t('moderator.rundown.title')} ref={rootRef}>
      <header className="rundown__head">
        <h2 className="rundown__title">{t('moderator.rundown.title')}</h2>
        {zoneLegend && <span className="rundown__zones">{t('moderator.rundown.zones', { zones: zoneLegend })}</span>}
      </header>
      <div className="rundown__scroll" data-testid="rundown" ref={scrollRef}>
        {!agenda && <p className="rundown__empty">{t('moderator.rundown.noAgenda')}</p>}
        {sessions.map((session) => (
          <RundownSession
            key={session.id}
            session={session}
            labels={labels}
            actions={actions}
            firstItemId={all[0]?.id}
            lastItemId={all[all.length - 1]?.id}
            draggingId={draggingId}
            spot={spot}
            emptyText={t('moderator.rundown.empty')}
            dropEndText={t('moderator.rundown.dropEnd')}
            addLabel={t('moderator.button.add')}
            onAdd={(sessionId) => setEditing({ mode: 'insert', sessionId })}
            onDragOverEnd={handlers.dragOverSessionEnd}
            onEdit={setEditingSession}
            editLabel={t('timing.session.edit', { session: session.title })}
          />
        ))}
      </div>
      {editing && <ItemEditDialog editing={editing} onClose={() => setEditing(null)} />}
      {editingSession !== null && <SessionEditDialog sessionId={editingSession} onClose={() => setEditingSession(null)} />}
    </section>
  );
}
