import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/server-process';

/**
 * docs/security.md's "Attack → result" table is kept current by the tests: each row names its id
 * and the test file that replays the attack, and that file must contain the id (in the test's name).
 * Generic: any row added with the same columns is checked alike.
 */
interface AttackRow {
  line: number;
  id: string;
  tests: string[];
}

/** The table's rows, from the heading `## Attack → result` to the next heading. */
export function attackRows(markdown: string): { header: string[]; rows: AttackRow[] } {
  const lines = markdown.split('\n');
  const start = lines.findIndex((l) => /^##\s+Attack\s+→\s+result\s*$/.test(l));
  if (start < 0) throw new Error('docs/security.md has no "## Attack → result" section');
  const end = lines.findIndex((l, i) => i > start && /^#{1,2}\s/.test(l));
  const cells = (l: string) =>
    l
      .trim()
      .replace(/^\||\|$/g, '')
      .split(/(?<!\\)\|/)
      .map((c) => c.trim());
  const table = lines
    .slice(start + 1, end < 0 ? undefined : end)
    .map((text, i) => ({ text, line: start + 2 + i }))
    .filter((l) => l.text.trim().startsWith('|'));
  const [head, rule, ...body] = table;
  if (!head || !rule) throw new Error('the "Attack → result" section has no table');
  return {
    header: cells(head.text),
    rows: body.map((l) => {
      const c = cells(l.text);
      return {
        line: l.line,
        id: (c[0] ?? '').replace(/`/g, ''),
        tests: [...(c[3] ?? '').matchAll(/tests\/[\w./-]+\.tsx?/g)].map((m) => m[0]),
      };
    }),
  };
}

describe('docs/security.md: Attack → result', () => {
  const { header, rows } = attackRows(readFileSync(join(ROOT, 'docs', 'security.md'), 'utf8'));

  it('has the columns id, attack, result, test, and rows', () => {
    expect(header).toEqual(['id', 'attack', 'result', 'test']);
    expect(rows.length).toBeGreaterThan(0);
  });

  it('gives each row a unique kebab-case id and at least one test file', () => {
    const seen = new Set<string>();
    for (const row of rows) {
      expect(row.id, `line ${row.line}`).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(seen.has(row.id), `line ${row.line}: "${row.id}" is listed twice`).toBe(false);
      seen.add(row.id);
      expect(row.tests.length, `line ${row.line} (${row.id}) names no test file (tests/….ts in its test column)`).toBeGreaterThan(0);
    }
  });

  it.each(rows.map((r) => [r.id, r] as const))('%s appears in the test file its row names', (_id, row) => {
    for (const file of row.tests) {
      const path = join(ROOT, file);
      expect(existsSync(path), `line ${row.line}: ${file} does not exist`).toBe(true);
      expect(readFileSync(path, 'utf8').includes(row.id), `line ${row.line}: "${row.id}" does not appear in ${file}`).toBe(true);
    }
  });
});
