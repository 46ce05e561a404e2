import type { Agenda } from './agenda-schema';

/** The agenda with new durations for the given items; ids that are not in it are ignored. */
export function withDurations(agenda: Agenda, durations: ReadonlyMap<string, number>): Agenda {
  return {
    ...agenda,
    sessions: agenda.sessions.map((s) =>
      s.items.some((i) => durations.has(i.id))
        ? { ...s, items: s.items.map((i) => (durations.has(i.id) ? { ...i, durationSec: durations.get(i.id)! } : i)) }
        : s,
    ),
  };
}
