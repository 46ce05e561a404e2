/**
 * What the import route answers (`POST /api/v1/agenda/import`, docs/api.md). Types only, so the
 * moderator console can import them without pulling in the validation library.
 */
import type { Agenda } from '../agenda/agenda-schema';
import type { ImportProblem } from './problems';

export const IMPORT_FORMATS = ['csv', 'xlsx', 'json', 'yaml'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

export const EXPORT_FORMATS = ['csv', 'xlsx', 'json'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const REPORT_FORMATS = ['csv', 'json', 'html'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** Import options: event-level fields that a spreadsheet has no place for. Absent ones keep their current values. */
export const EVENT_OPTION_KEYS = ['title', 'date', 'timezone', 'extraTimezones', 'languages'] as const;
export type EventOptionKey = (typeof EVENT_OPTION_KEYS)[number];
/** As sent in the query string: lists comma-separated (`languages=en,zh`). */
export type EventOptions = Partial<Record<EventOptionKey, string>>;

/** `confirm=running`: import even though an item is running or paused (the clock stops). */
export const CONFIRM_RUNNING = 'running';

/** The largest file the import route accepts. */
export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;

export interface ImportSummary {
  sessions: number;
  items: number;
  /** Sum of the items' durations, seconds (items without one count 0). */
  plannedSec: number;
  /** Items without a duration (they count up). */
  untimed: number;
}

export interface ImportResponse {
  /** True when the file has no errors (it can be applied). */
  ok: boolean;
  /** True when this request applied it (`apply=true`). */
  applied: boolean;
  /** The state's revision after applying; null for a preview. */
  revision: number | null;
  format: ImportFormat;
  /** The agenda as it would be (or was) applied; null when there are errors. */
  agenda: Agenda | null;
  summary: ImportSummary | null;
  errors: ImportProblem[];
  warnings: ImportProblem[];
  /** An item is running or paused now: applying needs `confirm=running`, and stops the clock. */
  running: boolean;
  /** Items of the current event with recorded times: applying starts a new event and clears its report. */
  recordedItems: number;
  /** Rooms (#18): the rooms a `room` column (or a JSON/YAML `room` field: `path`) names, each where it first does; absent without one. */
  rooms?: { room: string; row: number; path?: string }[];
  /** Rooms (#18): for a file with rows of other rooms, each other room's own preview (or result). */
  byRoom?: Record<string, ImportResponse>;
}

export type { ImportProblem, ProblemKind } from './problems';
