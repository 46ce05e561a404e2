import { useLayoutEffect, useMemo, useRef, useState, type DragEvent } from 'react';
import type { Agenda } from '../../../../shared/agenda/agenda-schema';
import { dropTarget, type MoveTarget } from '../lib/moves';

/** Where a dragged item would land: beside a row, or at the end of a session. */
export type DropSpot = { itemId: string; place: 'before' | 'after' } | { sessionEnd: string };

const MIME = 'application/x-rostrum-item';

/**
 * HTML5 drag and drop for the rundown. The landing spot follows the pointer (upper half of a row:
 * before it; lower half: after it) and shows as a line; a drop sends one `item.move`.
 */
export function useDragReorder(agenda: Agenda | undefined, onMove: (itemId: string, target: MoveTarget) => void) {
  const [draggingId, setDraggingId] = useState<string | null>(null);
  const [spot, setSpot] = useState<DropSpot | null>(null);
  const live = useRef({ agenda, onMove, draggingId: null as string | null, spot: null as DropSpot | null });
  useLayoutEffect(() => {
    live.current.agenda = agenda;
    live.current.onMove = onMove;
  });

  const handlers = useMemo(() => {
    const setSpotIfChanged = (next: DropSpot | null) => {
      const prev = live.current.spot;
      const same =
        prev === next ||
        (prev !== null &&
          next !== null &&
          ('sessionEnd' in prev && 'sessionEnd' in next
            ? prev.sessionEnd === next.sessionEnd
            : 'itemId' in prev && 'itemId' in next && prev.itemId === next.itemId && prev.place === next.place));
      if (same) return;
      live.current.spot = next;
      setSpot(next);
    };
    const end = () => {
      live.current.draggingId = null;
      setDraggingId(null);
      setSpotIfChanged(null);
    };
    return {
      dragStart(itemId: string, e: DragEvent) {
        e.dataTransfer.effectAllowed = 'move';
        e.dataTransfer.setData(MIME, itemId);
        e.dataTransfer.setData('text/plain', itemId);
        live.current.draggingId = itemId;
        // Restyling the drag source inside dragstart can cancel the drag in Chromium: do it just after.
        setTimeout(() => {
          if (live.current.draggingId === itemId) setDraggingId(itemId);
        }, 0);
      },
      dragOverRow(itemId: string, e: DragEvent<HTMLElement>) {
        const dragged = live.current.draggingId;
        if (dragged === null) return;
        e.preventDefault();
        e.dataTransfer.dropEffect = 'move';
        if (itemId === dragged) return setSpotIfChanged(null);
        const box = e.currentTarget.getBoundingClientRect();
        setSpotIfChanged({ itemId, place: e.clientY < box.top + box.height / 2 ? 'before' : 'after' });
      },
      dragOverSessionEnd(sessionId: string, e: DragEvent) {
        if (live.current.draggingId === null) return;
        e.preventDefault();
        e.dataTransfer.dropEffect = 'move';
        setSpotIfChanged({ sessionEnd: sessionId });
      },
      drop(e: DragEvent) {
        const dragged = live.current.draggingId;
        const at = live.current.spot;
        const a = live.current.agenda;
        e.preventDefault();
        end();
        if (dragged === null || at === null || !a) return;
        const target: MoveTarget | null =
          'sessionEnd' in at ? { sessionId: at.sessionEnd, beforeItemId: undefined } : dropTarget(a, dragged, at.itemId, at.place);
        if (target) live.current.onMove(dragged, target);
      },
      dragEnd: end,
    };
  }, []);

  return { draggingId, spot, handlers };
}
