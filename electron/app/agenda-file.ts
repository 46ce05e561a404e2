import { readFileSync } from 'node:fs';
import type { Agenda } from '../../shared/agenda/agenda-schema';
import { validateAgenda } from '../../shared/contract/validate';

/** Reads an agenda file; throws an Error whose one-line message names the file and what is wrong. */
export function readAgendaFile(path: string): Agenda {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new Error(`cannot read agenda ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`, { cause: error });
  }
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new Error(`agenda ${path} is not valid JSON: ${(error as Error).message}`, { cause: error });
  }
  const result = validateAgenda(json);
  if (!result.ok) {
    const more = result.issues.length > 1 ? ` (and ${result.issues.length - 1} more problem${result.issues.length > 2 ? 's' : ''})` : '';
    throw new Error(`agenda ${path} is invalid: ${result.error.message}${more}`);
  }
  return result.value;
}
