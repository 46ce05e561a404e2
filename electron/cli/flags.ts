import { parseArgs } from 'node:util';

/**
 * The one command-line parser, over a list of flags: serve's (`SERVE_OPTIONS`, which the desktop
 * app takes too) and the relay's (`RELAY_FLAGS`). The values are typed from the list, `--help` is
 * laid out from it, and a wrong flag is refused naming it.
 */
export interface FlagSpec {
  readonly type: 'string' | 'boolean';
  /** Its one-letter form (`-h`). */
  readonly short?: string;
  /** What its value is, in the help and errors (`N`, `FILE`). */
  readonly value?: string;
  /** The help text, with its default and environment variable; '\n' starts a line under the first. */
  readonly help: string;
  /** The environment variable read when the flag is not given ('' counts as not given). */
  readonly env?: string;
}

export type FlagList = Readonly<Record<string, FlagSpec>>;

/** What the command line gave, per flag of the list (absent: not given). */
export type FlagValues<L extends FlagList> = { [K in keyof L]?: L[K]['type'] extends 'boolean' ? boolean : string };

/** Where a flag's help starts; a longer flag puts its help on the next line. */
const FLAG_COLUMN = 21;
const INDENT = ' '.repeat(FLAG_COLUMN + 2);

/** `--help`: `Usage: <usage>`, then one entry per flag of the list, in its order. */
export function usageOf(list: FlagList, usage: string): string {
  const entries = Object.entries(list).map(([name, spec]) => {
    const flag = `  ${spec.short === undefined ? '' : `-${spec.short}, `}--${name}${spec.value === undefined ? '' : ` ${spec.value}`}`;
    const [first, ...more] = spec.help.split('\n');
    const head = flag.length <= FLAG_COLUMN ? `${flag.padEnd(FLAG_COLUMN)}  ${first}` : `${flag}\n${INDENT}${first}`;
    return [head, ...more.map((line) => `${INDENT}${line}`)].join('\n');
  });
  return [`Usage: ${usage}`, ...entries].join('\n');
}

/**
 * The flags on the command line, typed from the list; throws an Error with a one-line message
 * naming the first one that is wrong: not in the list, a value missing, or a value given to a
 * switch. A value that starts with `-` must be joined (`--flag=-x`): `--port --host` is a
 * forgotten value.
 */
export function parseFlags<L extends FlagList>(list: L, argv: readonly string[]): FlagValues<L> {
  const options = Object.fromEntries(Object.entries(list).map(([name, spec]) => [name, spec.short === undefined ? { type: spec.type } : { type: spec.type, short: spec.short }]));
  const { tokens } = parseArgs({ args: [...argv], options, strict: false, allowPositionals: true, tokens: true });
  const values: Record<string, string | boolean> = {};
  for (const token of tokens) {
    if (token.kind === 'option-terminator') continue;
    if (token.kind === 'positional') throw new Error(`"${token.value}": not a flag (flags start with --; --help lists them)`);
    const spec = Object.hasOwn(list, token.name) ? list[token.name] : undefined;
    if (spec === undefined) throw new Error(`${token.rawName}: no such flag (--help lists them)`);
    const flag = `--${token.name}`;
    if (spec.type === 'boolean') {
      if (token.value !== undefined) throw new Error(`${flag} takes no value`);
      values[token.name] = true;
    } else {
      if (token.value === undefined || (!token.inlineValue && token.value.startsWith('-'))) {
        throw new Error(`${flag}: give its value (${flag} ${spec.value ?? 'VALUE'}; one that starts with - as ${flag}=-…)`);
      }
      values[token.name] = token.value;
    }
  }
  return values as FlagValues<L>;
}

/** The given flags, with the list's environment variables standing for those not given. */
export function withEnv<L extends FlagList>(list: L, given: FlagValues<L>, env: NodeJS.ProcessEnv): FlagValues<L> {
  const values: Record<string, string | boolean | undefined> = { ...given };
  for (const [name, spec] of Object.entries(list)) {
    const fromEnv = spec.env === undefined ? undefined : env[spec.env];
    if (values[name] === undefined && fromEnv !== undefined && fromEnv !== '') values[name] = fromEnv;
  }
  return values as FlagValues<L>;
}
