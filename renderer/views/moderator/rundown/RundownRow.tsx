import { memo, type DragEvent, type KeyboardEvent } from 'react';
import { Icon } from '../icons';
import type { RowModel } from './row-model';
import { sameRow } from './row-model';

/** Labels every row shows, built once per language. */
export interface RowLabels {
  plan: (time: string) => string;
  ran: (time: string) => string;
  cut: (time: string) => string;
  onNow: string;
  skipped: string;
  missed: string;
  fixed: string;
  script: string;
  attendance: Record<RowModel['attendance'], string>;
  overUnder: string;
  moveUp: string;
  moveDown: string;
  skip: string;
  unskip: string;
  edit: string;
  drag: string;
  notes: string;
  boothNotes: string;
}

/** What a row can ask of the rundown; one stable object, so rows never re-render for new callbacks. */
export interface RowActions {
  goto: (itemId: string) => void;
  edit: (itemId: string) => void;
  step: (itemId: string, direction: -1 | 1) => void;
  toggleSkip: (itemId: string, skipped: boolean) => void;
  focusSibling: (itemId: string, direction: -1 | 1) => void;
  dragStart: (itemId: string, e: DragEvent) => void;
  dragOver: (itemId: string, e: DragEvent<HTMLElement>) => void;
  drop: (e: DragEvent) => void;
  dragEnd: () => void;
}

interface Props {
  row: RowModel;
  labels: RowLabels;
  actions: RowActions;
  canUp: boolean;
  canDown: boolean;
  drop: 'before' | 'after' | null;
  dragging: boolean;
}

function RowView({ row, labels, actions, canUp, canDown, drop, dragging }: Props) {
  const onKeyDown = (e: KeyboardEvent<HTMLButtonElement>) => {
    if (e.ctrlKey || e.metaKey) return;
    if (e.key === 'ArrowUp' || e.key === 'ArrowDown') {
      e.preventDefault();
      const direction = e.key === 'ArrowUp' ? -1 : 1;
      if (e.altKey) actions.step(row.itemId, direction);
      else actions.focusSibling(row.itemId, direction);
    } else if (e.code === 'KeyE' && !e.altKey && !e.shiftKey) {
      e.preventDefault();
      e.stopPropagation();
      actions.edit(row.itemId);
    }
  };
  const tooltip = [row.title, row.roleOrg, row.notes && `${labels.notes}: ${row.notes}`, row.boothNotes && `${labels.boothNotes}: ${row.boothNotes}`]
    .filter(Boolean)
    .join('\n');

  return (
    <li
      className="row"
      data-testid="rundown-item"
      data-item-id={row.itemId}
      data-progress={row.progress}
      data-current={row.current}
      data-skipped={row.skipped}
      data-drop={drop ?? undefined}
      data-dragging={dragging || undefined}
      aria-current={row.current ? 'step' : undefined}
      draggable
      onDragStart={(e) => actions.dragStart(row.itemId, e)}
      onDragOver={(e) => actions.dragOver(row.itemId, e)}
      onDrop={actions.drop}
      onDragEnd={actions.dragEnd}
    >
      <span className="row__grip" aria-hidden="true" title={labels.drag}>
        <Icon name="grip" />
      </span>
      <button type="button" className="row__main" onClick={() => actions.goto(row.itemId)} onKeyDown={onKeyDown} title={tooltip || undefined}>
        <span className="row__time">
          <span className="row__start" data-testid="rundown-start">
            <span className="row__start-primary">{row.startPrimary}</span>
            {row.startOthers && <span className="row__start-other">{row.startOthers}</span>}
          </span>
          <span className="row__plan">{labels.plan(row.plannedStart)}</span>
        </span>
        <span className="row__who">
          <span className="row__name-line">
            {row.honorific && <span className="row__honorific">{row.honorific} </span>}
            <span className="row__name" data-testid="rundown-name">
              {row.name}
            </span>
            {row.altName && <span className="row__alt"> {row.altName}</span>}
          </span>
          <span className="row__title-line">
            <span className="row__kind">{row.kind}</span> <span className="row__title">{row.title}</span>
          </span>
          {row.roleOrg && <span className="row__org">{row.roleOrg}</span>}
          <span className="row__chips">
            <span className="chip chip--lang" title={row.languageName} data-testid="rundown-language">
              {row.languageShort}
            </span>
            <span className="chip chip--attendance" data-attendance={row.attendance}>
              {labels.attendance[row.attendance]}
            </span>
            {row.fixed && (
              <span className="chip chip--fixed" data-testid="flag-fixed">
                {labels.fixed}
              </span>
            )}
            {row.scriptReceived && (
              <span className="chip chip--script" data-testid="flag-script">
                {labels.script}
              </span>
            )}
          </span>
        </span>
        <span className="row__dur">
          <span className="row__duration" data-testid="rundown-duration">
            {row.duration}
          </span>
          {row.ran && (
            <span className="row__ran" data-testid="rundown-actual">
              {labels.ran(row.ran)}
            </span>
          )}
          {row.overUnder && (
            <span className="row__over-under" data-testid="rundown-over-under" data-sign={row.overUnderSign} title={labels.overUnder}>
              {row.overUnder}
            </span>
          )}
          {row.cut && (
            <span className="row__cut" data-testid="rundown-cut" title={labels.cut(row.cut)}>
              {row.cut}
            </span>
          )}
          {row.current && <span className="row__badge row__badge--now">{labels.onNow}</span>}
          {row.skipped && <span className="row__badge">{labels.skipped}</span>}
          {row.progress === 'missed' && <span className="row__badge">{labels.missed}</span>}
        </span>
      </button>
      <span className="row__actions">
        <button
          type="button"
          className="row__act"
          data-testid="btn-move-up"
          aria-label={labels.moveUp}
          title={labels.moveUp}
          disabled={!canUp}
          onClick={() => actions.step(row.itemId, -1)}
        >
          <Icon name="up" />
        </button>
        <button
          type="button"
          className="row__act"
          data-testid="btn-edit-item"
          aria-label={labels.edit}
          title={labels.edit}
          onClick={() => actions.edit(row.itemId)}
        >
          <Icon name="edit" />
        </button>
        <button
          type="button"
          className="row__act"
          data-testid="btn-move-down"
          aria-label={labels.moveDown}
          title={labels.moveDown}
          disabled={!canDown}
          onClick={() => actions.step(row.itemId, 1)}
        >
          <Icon name="down" />
        </button>
        <button
          type="button"
          className="row__act"
          data-testid="btn-skip-item"
          aria-pressed={row.skipped}
          aria-label={row.skipped ? labels.unskip : labels.skip}
          title={row.skipped ? labels.unskip : labels.skip}
          onClick={() => actions.toggleSkip(row.itemId, !row.skipped)}
        >
          <Icon name={row.skipped ? 'restore' : 'skip'} />
        </button>
      </span>
    </li>
  );
}

/** A rundown row; re-renders only when what it shows changes. */
export const RundownRow = memo(
  RowView,
  (a, b) =>
    a.labels === b.labels &&
    a.actions === b.actions &&
    a.canUp === b.canUp &&
    a.canDown === b.canDown &&
    a.drop === b.drop &&
    a.dragging === b.dragging &&
    sameRow(a.row, b.row),
);
