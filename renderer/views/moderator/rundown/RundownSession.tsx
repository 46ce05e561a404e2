import type { DragEvent } from 'react';
import { Icon } from '../icons';
import type { RowModel } from './row-model';
import { RundownRow, type RowActions, type RowLabels } from './RundownRow';
import type { DropSpot } from './use-drag-reorder';

export interface SessionModel {
  id: string;
  title: string;
  moderatorLine: string;
  window: string;
  projected: string;
  projectedState: 'late' | 'early' | 'on-time' | '';
  /** "Ends by 16:30" for an end-by session, else ''. */
  endsBy: string;
  current: boolean;
  rows: RowModel[];
}

interface Props {
  session: SessionModel;
  labels: RowLabels;
  actions: RowActions;
  /** The first and last item of the whole rundown cannot move further. */
  firstItemId: string | undefined;
  lastItemId: string | undefined;
  draggingId: string | null;
  spot: DropSpot | null;
  emptyText: string;
  dropEndText: string;
  addLabel: string;
  onAdd: (sessionId: string) => void;
  onDragOverEnd: (sessionId: string, e: DragEvent) => void;
  /** Opens the session editor (its end-by). */
  onEdit: (sessionId: string) => void;
  editLabel: string;
}

/** One session: its heading (moderator, window, projected end) and its items. */
export function RundownSession({ session, labels, actions, firstItemId, lastItemId, draggingId, spot, emptyText, dropEndText, addLabel, onAdd, onDragOverEnd, onEdit, editLabel }: Props) {
  const endSpot = spot !== null && 'sessionEnd' in spot && spot.sessionEnd === session.id;
  return (
    <section className="rundown-session" data-session-id={session.id} data-current={session.current}>
      <header className="rundown-session__head">
        <div className="rundown-session__top">
          <h3 className="rundown-session__title">{session.title}</h3>
          <button
            type="button"
            className="row__act rundown-session__edit"
            data-testid="btn-edit-session"
            data-session-id={session.id}
            aria-label={editLabel}
            title={editLabel}
            onClick={() => onEdit(session.id)}
          >
            <Icon name="edit" />
          </button>
        </div>
        <div className="rundown-session__meta">
          <span className="rundown-session__moderator" data-testid="session-moderator">
            {session.moderatorLine}
          </span>
          <span className="rundown-session__window">{session.window}</span>
          {session.endsBy && (
            <span className="rundown-session__ends-by" data-testid="session-ends-by">
              {session.endsBy}
            </span>
          )}
          {session.projected && (
            <span className="rundown-session__projected" data-state={session.projectedState}>
              {session.projected}
            </span>
          )}
        </div>
      </header>
      <ol className="rundown-session__items">
        {session.rows.map((row) => {
          const drop = spot !== null && 'itemId' in spot && spot.itemId === row.itemId ? spot.place : null;
          return (
            <RundownRow
              key={row.itemId}
              row={row}
              labels={labels}
              actions={actions}
              canUp={row.itemId !== firstItemId}
              canDown={row.itemId !== lastItemId}
              drop={drop}
              dragging={draggingId === row.itemId}
            />
          );
        })}
      </ol>
      {session.rows.length === 0 && <p className="rundown-session__empty">{emptyText}</p>}
      {/* The session's foot: adds an item, and while dragging is the drop spot "end of this session" (same size: nothing shifts). */}
      <div
        className="rundown-session__foot"
        data-testid="drop-end"
        data-session-id={session.id}
        data-active={endSpot}
        data-dragging={draggingId !== null}
        onDragOver={(e) => onDragOverEnd(session.id, e)}
        onDrop={actions.drop}
      >
        {draggingId === null ? (
          <button type="button" className="rundown-session__add" data-testid="btn-add-item" data-session-id={session.id} onClick={() => onAdd(session.id)}>
            <Icon name="plus" /> {addLabel}
          </button>
        ) : (
          <span className="rundown-session__drop-text">{dropEndText}</span>
        )}
      </div>
    </section>
  );
}
