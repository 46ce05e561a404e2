/**
 * Small builders for unit tests. Time is always a value: tests build instants with `at(...)` and
 * pass them in; nothing fakes the global clock, and nothing depends on the machine's zone.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  agendaSchema,
  itemSchema,
  sessionSchema,
  type Agenda,
  type AgendaInput,
  type Item,
  type ItemInput,
  type Session,
} from '../shared/agenda/agenda-schema';
import type { ClockState } from '../shared/clock/clock-state';
import { emptyRecord, type ItemRecord } from '../shared/report/report-types';
import { addDuration, durationMs, instant, timeSince, type Instant } from '../shared/time/instant';
import { zonedToInstant } from '../shared/time/zoned-time';

export const SAMPLE_PATH = fileURLToPath(new URL('../assets/samples/just-transition-workshop.json', import.meta.url));

/** The sample agenda exactly as stored on disk (unparsed JSON). */
export function readSampleJson(): unknown {
  return JSON.parse(readFileSync(SAMPLE_PATH, 'utf8'));
}

/** The sample agenda, validated. Throws (with the zod message) if it does not pass the schema. */
export function loadSample(): Agenda {
  return agendaSchema.parse(readSampleJson());
}

export const MINUTE = 60_000;
export const SECOND = 1_000;

/**
 * An instant given as wall-clock time: `at('14:10')` is 14:10 Beijing on 2022-11-17.
 * `hhmm` may carry seconds (`'14:10:30'`).
 */
export function at(hhmm: string, date = '2022-11-17', timeZone = 'Asia/Shanghai'): Instant {
  const [h = '00', m = '00', s = '0'] = hhmm.split(':');
  return addDuration(zonedToInstant(date, `${h}:${m}`, timeZone), durationMs(Number(s) * SECOND));
}

/** An arbitrary fixed instant for clock-math tests (2022-11-17T06:00:00Z). */
export const T0: Instant = instant(Date.UTC(2022, 10, 17, 6, 0, 0));
export const later = (from: Instant, ms: number): Instant => instant(from + ms);

let itemCounter = 0;
export function makeItem(overrides: Partial<ItemInput> = {}): Item {
  itemCounter += 1;
  return itemSchema.parse({ id: `item-${itemCounter}`, title: `Item ${itemCounter}`, kind: 'talk', language: 'en', ...overrides });
}

export function makeSession(overrides: Partial<Omit<Session, 'items'>> & { items?: Item[] } = {}): Session {
  return sessionSchema.parse({
    id: 'session',
    title: 'Session',
    moderatorLanguage: 'en',
    plannedStart: '14:00',
    plannedEnd: '15:00',
    items: [],
    ...overrides,
  });
}

export function makeAgenda(overrides: Partial<AgendaInput> = {}): Agenda {
  return agendaSchema.parse({
    title: 'Test event',
    date: '2022-11-17',
    timezone: 'Asia/Shanghai',
    languages: ['en', 'zh'],
    sessions: [],
    ...overrides,
  });
}

/** A copy of the agenda with the given items marked skipped. */
export function withSkipped(agenda: Agenda, ...itemIds: string[]): Agenda {
  return {
    ...agenda,
    sessions: agenda.sessions.map((s) => ({
      ...s,
      items: s.items.map((i) => (itemIds.includes(i.id) ? { ...i, skipped: true } : i)),
    })),
  };
}

/** A clock as tests write it: its lengths of time in plain ms. */
export type ClockInput = Partial<Omit<ClockState, 'accumulatedMs' | 'addedMs'>> & { accumulatedMs?: number; addedMs?: number };

/**
 * The one way tests build a clock (idle on no item unless told): plain ms become `DurationMs`
 * here, so no test casts a number into the clock's brand.
 */
export function makeClock(input: ClockInput = {}): ClockState {
  const { accumulatedMs = 0, addedMs = 0, ...rest } = input;
  return { status: 'idle', currentItemId: null, runningSince: null, ...rest, accumulatedMs: durationMs(accumulatedMs), addedMs: durationMs(addedMs) };
}

export function idleClock(currentItemId: string | null): ClockState {
  return makeClock({ currentItemId });
}

export function runningClock(opts: { itemId?: string | null; since: Instant; accumulatedMs?: number; addedMs?: number }): ClockState {
  return makeClock({ status: 'running', currentItemId: opts.itemId ?? null, runningSince: opts.since, accumulatedMs: opts.accumulatedMs ?? 0, addedMs: opts.addedMs ?? 0 });
}

export function pausedClock(opts: { itemId?: string | null; accumulatedMs: number; addedMs?: number }): ClockState {
  return makeClock({ status: 'paused', currentItemId: opts.itemId ?? null, accumulatedMs: opts.accumulatedMs, addedMs: opts.addedMs ?? 0 });
}

export const endedClock = (): ClockState => makeClock({ status: 'ended' });

/** An item's record as tests write it: its lengths of time in plain ms. */
export type RecordInput = Partial<Omit<ItemRecord, 'elapsedMs' | 'addedMs'>> & { elapsedMs?: number; addedMs?: number };

/** The report record of an item that ran (or is running) from `start`; pass `end` once it was left. */
export function ran(start: Instant, end: Instant | null = null, extra: RecordInput = {}): ItemRecord {
  const { elapsedMs = end === null ? 0 : timeSince(start, end), addedMs = 0, ...rest } = extra;
  return { ...emptyRecord(), actualStart: start, actualEnd: end, ...rest, elapsedMs: durationMs(elapsedMs), addedMs: durationMs(addedMs) };
}
