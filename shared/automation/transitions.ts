import { findItem } from '../agenda/agenda-queries';
import type { Session } from '../agenda/agenda-schema';
import type { Trigger } from '../contract/automation';
import type { RostrumState } from '../contract/state';
import { recordOf } from '../report/report-types';
import type { TemplateValues } from './templates';

/** One transition a rule may fire on. */
export interface Transition {
  when: Trigger;
  /** The item concerned (null: none, e.g. the event has ended). */
  itemId: string | null;
  /** Which state to read the item from: the one before (item.finished, session.ended) or after. */
  from: 'prev' | 'next';
  /** Unique per transition: a rule fires at most once per key. */
  key: string;
  /** Extra placeholder values (booth.*, display.*). */
  extra?: TemplateValues;
}

const currentOf = (s: RostrumState): string | null => (s.clock.status === 'ended' ? null : s.clock.currentItemId);
const wasStarted = (s: RostrumState, itemId: string): boolean => (recordOf(s.report, itemId)?.actualStart ?? null) !== null;
const sessionStarted = (s: RostrumState, session: Session): boolean => session.items.some((i) => wasStarted(s, i.id));

/**
 * The transitions between two states the core produced, one after the other (the patch stream):
 * the one place they are derived (docs/automation.md "Triggers"). Time-driven ones (warning,
 * danger, time up, overtime) are in crossings.ts. Pure.
 *
 * - item.loaded: another item became current.
 * - item.started: the current item's clock runs, and it was not this item running or paused before
 *   (a start, or `next` while running). A revisited item loaded with time on it is paused: its
 *   start is item.resumed.
 * - item.paused / item.resumed: the same item, running → paused / paused → running.
 * - item.finished: an item that had started was left (next, previous, goto, the end).
 * - session.started: the first start of any item of a session.
 * - session.ended: a started session's item was left for another session, or for the end.
 * - booth.request: a new request, or a booth asking again (its count went up).
 */
export function transitionsOf(prev: RostrumState, next: RostrumState): Transition[] {
  const out: Transition[] = [];
  const at = next.revision;
  const prevId = currentOf(prev);
  const nextId = currentOf(next);
  const prevRuns = prev.clock.status === 'running' || prev.clock.status === 'paused';

  if (prevId !== null && prevId !== nextId && (wasStarted(prev, prevId) || prevRuns)) {
    out.push({ when: 'item.finished', itemId: prevId, from: 'prev', key: `${prevId}@${at}` });
    const left = findItem(prev.agenda, prevId)?.session;
    const arrived = nextId === null ? undefined : findItem(next.agenda, nextId)?.session;
    if (left && arrived?.id !== left.id && sessionStarted(prev, left)) out.push({ when: 'session.ended', itemId: prevId, from: 'prev', key: `${left.id}@${at}` });
  }
  if (nextId !== null && nextId !== prevId) out.push({ when: 'item.loaded', itemId: nextId, from: 'next', key: `${nextId}@${at}` });
  if (nextId !== null && next.clock.status === 'running') {
    const same = prevId === nextId;
    if (same && prev.clock.status === 'paused') out.push({ when: 'item.resumed', itemId: nextId, from: 'next', key: `${nextId}@${at}` });
    else if (!(same && prev.clock.status === 'running')) {
      out.push({ when: 'item.started', itemId: nextId, from: 'next', key: `${nextId}@${at}` });
      const session = findItem(next.agenda, nextId)?.session;
      if (session && !sessionStarted(prev, session)) out.push({ when: 'session.started', itemId: nextId, from: 'next', key: `${session.id}@${at}` });
    }
  }
  if (nextId !== null && prevId === nextId && prev.clock.status === 'running' && next.clock.status === 'paused') {
    out.push({ when: 'item.paused', itemId: nextId, from: 'next', key: `${nextId}@${at}` });
  }
  if (next.booth !== prev.booth) {
    for (const request of next.booth.requests) {
      if (request.acknowledgedAt !== null) continue;
      const before = prev.booth.requests.find((r) => r.id === request.id);
      if (before && before.count >= request.count) continue;
      out.push({
        when: 'booth.request',
        itemId: nextId,
        from: 'next',
        key: `${request.id}#${request.count}`,
        extra: { 'booth.name': request.booth, 'booth.request': request.kind, 'booth.text': request.text },
      });
    }
  }
  return out;
}
