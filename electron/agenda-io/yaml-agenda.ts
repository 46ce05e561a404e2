import { LineCounter, parseDocument, isNode, type Node } from 'yaml';
import type { Locate } from '../../shared/agenda-io/agenda-checks';
import { IMPORT_LIMITS } from '../../shared/agenda-io/import-limits';
import { blockDepth, flowDepth } from '../../shared/agenda-io/nesting';

export type ParsedYaml =
  | { ok: true; value: unknown; locate: Locate }
  | { ok: false; line: number | null; message: string; overLimit?: boolean };

const tooDeep = (): ParsedYaml => ({ ok: false, line: null, message: `it nests more than ${IMPORT_LIMITS.depth} levels deep; an agenda needs 5`, overLimit: true });

/**
 * Parses YAML, keeping where each node is so that problems can name their line. Bounded: nesting
 * is measured before the parser sees the text, and aliases are counted (an alias bomb is refused,
 * IMPORT_LIMITS.yamlAliases), so that neither recursion nor expansion can run away.
 */
export function parseYaml(text: string): ParsedYaml {
  if (flowDepth(text) > IMPORT_LIMITS.depth || blockDepth(text) > IMPORT_LIMITS.depth) return tooDeep();
  const lineCounter = new LineCounter();
  let doc;
  try {
    doc = parseDocument(text, { lineCounter, prettyErrors: true, uniqueKeys: true });
  } catch (error) {
    if (error instanceof RangeError) return tooDeep();
    throw error;
  }
  const first = doc.errors[0];
  if (first) {
    const line = first.linePos?.[0]?.line ?? null;
    const message = (first.message.split('\n')[0] ?? 'not valid YAML').replace(/ at line \d+, column \d+:?$/, '');
    return { ok: false, line, message };
  }
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: IMPORT_LIMITS.yamlAliases }) as unknown;
  } catch (error) {
    if (error instanceof RangeError) return tooDeep();
    // yaml: "Excessive alias count indicates a resource exhaustion attack".
    if (error instanceof ReferenceError && /alias/i.test(error.message)) {
      return { ok: false, line: null, message: `its aliases (*name) expand too far (at most ${IMPORT_LIMITS.yamlAliases} uses of an alias are read)` };
    }
    throw error;
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
  return { ok: true, value, locate };
}
