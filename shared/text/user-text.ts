import type { z } from 'zod';

/**
 * What any text a person types may contain (issue 14 §7): no C0 control character other than tab
 * and line break (a NUL breaks OSC feedback and anything else that reads C strings), and no
 * direction override or isolate left open (an unclosed U+202E reverses whatever the page shows
 * after it, the console's own labels included). Paired ones are allowed: they are how bidi text
 * that needs them is written. Each line is checked on its own, as a line break closes them all.
 */

const OPENERS: Readonly<Record<string, { kind: 'embedding' | 'isolate'; name: string }>> = {
  '\u202A': { kind: 'embedding', name: 'left-to-right embedding' },
  '\u202B': { kind: 'embedding', name: 'right-to-left embedding' },
  '\u202D': { kind: 'embedding', name: 'left-to-right override' },
  '\u202E': { kind: 'embedding', name: 'right-to-left override' },
  '\u2066': { kind: 'isolate', name: 'left-to-right isolate' },
  '\u2067': { kind: 'isolate', name: 'right-to-left isolate' },
  '\u2068': { kind: 'isolate', name: 'first-strong isolate' },
};
const CLOSERS: Readonly<Record<string, { kind: 'embedding' | 'isolate'; name: string }>> = {
  '\u202C': { kind: 'embedding', name: 'pop directional formatting' },
  '\u2069': { kind: 'isolate', name: 'pop directional isolate' },
};

/** Any character the rule looks at; text without one (nearly all) is accepted at once. */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const SUSPECT = /[\x00-\x08\x0B-\x1F\u202A-\u202E\u2066-\u2069]/;

const codePoint = (c: string) => `U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
const closerOf = (kind: 'embedding' | 'isolate') => (kind === 'embedding' ? 'U+202C' : 'U+2069');

/** Why `text` may not be stored, in words that end an error naming the field; null when it may. */
export function userTextProblem(text: string): string | null {
  if (!SUSPECT.test(text)) return null;
  const open: string[] = [];
  const unclosed = (c: string) => `has a ${OPENERS[c]!.name} (${codePoint(c)}) that is never closed with ${closerOf(OPENERS[c]!.kind)}`;
  for (const c of text) {
    const code = c.charCodeAt(0);
    if (c === '\n') {
      if (open.length > 0) return unclosed(open.at(-1)!);
      continue;
    }
    if (code < 0x20 && c !== '\t') {
      return `must not contain the control character ${codePoint(c)}${code === 0 ? ' (NUL)' : code === 0x0d ? ' (carriage return)' : ''}: only tab and line break are allowed`;
    }
    const opener = OPENERS[c];
    if (opener) {
      open.push(c);
      continue;
    }
    const closer = CLOSERS[c];
    if (closer) {
      const top = open.at(-1);
      if (top === undefined || OPENERS[top]!.kind !== closer.kind) return `has a ${closer.name} (${codePoint(c)}) that closes nothing`;
      open.pop();
    }
  }
  return open.length > 0 ? unclosed(open.at(-1)!) : null;
}

/** Windows and old Mac line ends become line feeds, so pasted or imported multi-line text is kept, not refused. */
export const toLineFeeds = (text: string): string => (text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text);

/** The rule as a zod check: `z.string().overwrite(toLineFeeds).superRefine(userTextCheck)`. */
export function userTextCheck(text: string, ctx: z.RefinementCtx): void {
  const problem = userTextProblem(text);
  if (problem !== null) ctx.addIssue({ code: 'custom', message: problem });
}
