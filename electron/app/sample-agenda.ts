import sample from '../../assets/samples/just-transition-workshop.json';
import type { Agenda } from '../../shared/agenda/agenda-schema';

/**
 * The agenda a fresh install opens with: the reference English/Chinese workshop. It is used as
 * shipped, not validated at start-up (which cost ~25 ms of the cold start, most of it loading the
 * time-zone data): tests/electron/app/sample-agenda.test.ts checks that it is a valid agenda with
 * every default already filled in, i.e. exactly what validation would return.
 */
export function sampleAgenda(): Agenda {
  return structuredClone(sample) as Agenda;
}
