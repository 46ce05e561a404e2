import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Agenda } from '../../shared/agenda/agenda-schema';
import { problemCount } from '../../shared/agenda-io/problems';
import { parseSavedState } from '../persistence/state-file-schema';
import { STORE_FILES } from '../persistence/state-store';
import { sampleAgenda } from './sample-agenda';

/**
 * The agenda the data dir holds now (or the sample on a fresh one): a spreadsheet has no place for
 * the event's title, date, zones and languages, so those keep their current values.
 */
function currentAgenda(dataDir: string | undefined): Agenda {
  if (dataDir !== undefined) {
    try {
      const saved = JSON.parse(readFileSync(join(dataDir, `${STORE_FILES.state}.json`), 'utf8')) as { state?: unknown };
      return parseSavedState(saved.state).agenda;
    } catch {
      // no saved state (or an unreadable one, which start-up reports): fall back to the sample
    }
  }
  return sampleAgenda();
}

/**
 * Reads an agenda file for `--agenda`: CSV, XLSX, JSON or YAML by its extension (docs/agenda-format.md).
 * Throws an Error whose one-line message names the file and what is wrong (warnings do not stop it).
 */
export async function readAgendaFile(path: string, options: { dataDir?: string } = {}): Promise<Agenda> {
  // Only with --agenda: the readers stay out of a start without one (bench: server RSS).
  const { formatOfFileName, readImport } = await import('../agenda-io/read-import');
  const format = formatOfFileName(path) ?? 'json';
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    throw new Error(`cannot read agenda ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`, { cause: error });
  }
  const outcome = await readImport(format, bytes, {}, currentAgenda(options.dataDir));
  const first = outcome.errors[0];
  if (first || outcome.agenda === null) {
    const n = problemCount(outcome.errors);
    const more = n > 1 ? ` (and ${n - 1} more problem${n > 2 ? 's' : ''})` : '';
    throw new Error(`agenda ${path} is invalid: ${first?.message ?? 'unreadable'}${more}`);
  }
  return outcome.agenda;
}
