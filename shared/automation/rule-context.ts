import { findItem, nextPlayable } from '../agenda/agenda-queries';
import type { Item } from '../agenda/agenda-schema';
import { allottedMs, elapsedMs, overtimeMs, remainingMs } from '../clock/clock-math';
import type { RuleWhere, Trigger } from '../contract/automation';
import type { RostrumState } from '../contract/state';
import { recordOf } from '../report/report-types';
import { durationMs, type Instant } from '../time/instant';
import type { TemplateValues } from './templates';

/** Every field of `where` matches the item (no item: only an empty `where` matches). */
export function matchesWhere(where: RuleWhere | undefined, item: Item | undefined): boolean {
  if (!where) return true;
  const wanted = Object.entries(where).filter(([, v]) => v !== undefined) as [keyof RuleWhere, string][];
  if (wanted.length === 0) return true;
  if (!item) return false;
  return wanted.every(([field, value]) => item[field] === value);
}

const secondsText = (ms: number | null): string => (ms === null ? '' : String(Math.round(ms / 1000)));

/**
 * The placeholder values for a firing: the item concerned as `state` has it at `now` (its clock
 * values when it is the current item, its record otherwise).
 */
export function templateValues(state: RostrumState, itemId: string | null, when: Trigger, now: Instant, extra: TemplateValues = {}): TemplateValues {
  const located = findItem(state.agenda, itemId);
  const item = located?.item;
  const current = itemId !== null && state.clock.currentItemId === itemId && state.clock.status !== 'ended';
  const record = itemId === null ? undefined : recordOf(state.report, itemId);
  const elapsed = current ? elapsedMs(state.clock, now) : (record?.elapsedMs ?? 0);
  const added = current ? state.clock.addedMs : (record?.addedMs ?? durationMs(0));
  const allotted = allottedMs(item, added);
  const remaining = current ? remainingMs(state.clock, item, now) : allotted === null ? null : allotted - elapsed;
  const upcoming = nextPlayable(state.agenda, itemId ?? state.clock.currentItemId)?.item;
  return {
    'item.id': item?.id ?? '',
    'item.title': item?.title ?? '',
    'item.speaker': item?.speaker.name ?? '',
    'item.speakerLocalName': item?.speaker.localName ?? '',
    'item.kind': item?.kind ?? '',
    'item.language': item?.language ?? '',
    'item.attendance': item?.attendance ?? '',
    'item.durationSec': secondsText(allotted),
    'item.remainingSec': secondsText(remaining),
    'item.elapsedSec': secondsText(item ? elapsed : null),
    'item.overtimeSec': item ? secondsText(overtimeMs(remaining)) : '',
    'session.id': located?.session.id ?? '',
    'session.title': located?.session.title ?? '',
    'next.title': upcoming?.title ?? '',
    'next.speaker': upcoming?.speaker.name ?? '',
    'event.title': state.agenda.title,
    'event.venue': state.agenda.venue,
    trigger: when,
    firedAt: new Date(now).toISOString(),
    ...extra,
  };
}
