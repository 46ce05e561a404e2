/**
 * How deeply a JSON or YAML text nests, found by scanning it before any parser recurses into it:
 * a file nested thousands deep would otherwise exhaust the parser's stack. An agenda nests 5 deep.
 */

/** The deepest `[`/`{` nesting outside quoted strings (JSON, and YAML's flow style). */
export function flowDepth(text: string): number {
  let depth = 0;
  let max = 0;
  let quote: string | null = null;
  for (let i = 0; i < text.length; i += 1) {
    const ch = text[i]!;
    if (quote !== null) {
      if (ch === '\\' && quote === '"') i += 1;
      else if (ch === quote) quote = null;
      continue;
    }
    if (ch === '"') quote = '"';
    else if (ch === '[' || ch === '{') max = Math.max(max, ++depth);
    else if (ch === ']' || ch === '}') depth = Math.max(0, depth - 1);
  }
  return max;
}

/**
 * The deepest nesting of YAML's block style, as an upper bound: the stack of indentations, each
 * `- ` that opens a sequence on the same line counting one more level.
 */
export function blockDepth(text: string): number {
  const indents: number[] = [];
  let max = 0;
  for (const line of text.split(/\r\n|\r|\n/)) {
    const content = line.replace(/^\s+/, '');
    if (content === '' || content.startsWith('#')) continue;
    const indent = line.length - content.length;
    while (indents.length > 0 && indents[indents.length - 1]! >= indent) indents.pop();
    indents.push(indent);
    const dashes = /^(?:-\s+)*/.exec(content)![0].split('-').length - 1;
    max = Math.max(max, indents.length + dashes);
  }
  return max;
}

/** The depth of a parsed value, counted without recursion. */
export function valueDepth(value: unknown): number {
  let max = 0;
  const stack: [unknown, number][] = [[value, 1]];
  while (stack.length > 0) {
    const [v, d] = stack.pop()!;
    if (typeof v !== 'object' || v === null) continue;
    max = Math.max(max, d);
    for (const child of Object.values(v)) stack.push([child, d + 1]);
  }
  return max;
}
