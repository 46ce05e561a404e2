import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../../tests/helpers/server-process';

/** Where the pictures the docs show go: docs/screenshots/, or ROSTRUM_SHOTS_DIR. */
export const DOC_SHOTS = process.env['ROSTRUM_SHOTS_DIR'] ?? join(ROOT, 'docs', 'screenshots');
/** Pictures for a human to look at that no doc shows (other languages, every view, offline). */
export const MORE_SHOTS = process.env['ROSTRUM_MORE_SHOTS_DIR'] ?? join(ROOT, 'test-results', 'screenshots');

mkdirSync(DOC_SHOTS, { recursive: true });
mkdirSync(MORE_SHOTS, { recursive: true });
