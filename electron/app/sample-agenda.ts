import sample from '../../assets/samples/just-transition-workshop.json';
import type { Agenda } from '../../shared/agenda/agenda-schema';
import { validateAgenda } from '../../shared/contract/validate';

/** The agenda a fresh install opens with: the reference English/Chinese workshop. */
export function sampleAgenda(): Agenda {
  const result = validateAgenda(sample);
  if (!result.ok) throw new Error(`the bundled sample agenda is invalid: ${result.error.message}`);
  return result.value;
}
