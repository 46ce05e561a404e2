import { LineCounter, parseDocument, isNode, type Node } from 'yaml';
import type { Locate } from '../../shared/agenda-io/agenda-checks';

export type ParsedYaml = { ok: true; value: unknown; locate: Locate } | { ok: false; line: number | null; message: string };

/** Parses YAML, keeping where each node is so that problems can name their line. */
export function parseYaml(text: string): ParsedYaml {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: true, uniqueKeys: true });
  const first = doc.errors[0];
  if (first) {
    const line = first.linePos?.[0]?.line ?? null;
    const message = (first.message.split('\n')[0] ?? 'not valid YAML').replace(/ at line \d+, column \d+:?$/, '');
    return { ok: false, line, message };
  }
  const lineOf = (node: unknown) => (isNode(node) && (node as Node).range ? lineCounter.linePos((node as Node).range![0]).line : null);
  const locate: Locate = (path) => {
    // The node at the path, or the nearest one above it (a missing field is reported where its parent is).
    for (let n = path.length; n >= 0; n -= 1) {
      const node = n === 0 ? doc.contents : doc.getIn(path.slice(0, n), true);
      const line = lineOf(node);
      if (line !== null) return { line, column: path.join('.') };
    }
    return { column: path.join('.') };
  };
  return { ok: true, value: doc.toJS({ maxAliasCount: 100 }) as unknown, locate };
}
