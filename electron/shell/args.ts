import { SERVE_OPTIONS, type ServeFlag } from '../cli/args';

/** The flags of `npm run serve`, which the desktop app takes too (listed once, in electron/cli/args.ts). */
export const SHELL_FLAGS = Object.keys(SERVE_OPTIONS) as ServeFlag[];
const isServeFlag = (name: string): name is ServeFlag => Object.hasOwn(SERVE_OPTIONS, name);
/** Flags without a value: `--help`, not `--help yes`. */
const valueless = (flag: ServeFlag) => SERVE_OPTIONS[flag].type === 'boolean';
/** Their one-letter forms (`-h`). */
const SHORT = new Set<string>(Object.values(SERVE_OPTIONS).flatMap((o) => ('short' in o ? [`-${o.short}`] : [])));

/**
 * Electron's argv also carries the executable, the app path (unpackaged) and Chromium's own
 * switches (`--no-sandbox`, `--enable-logging`, ...). Keeps only the serve flags, in order, so
 * the serve parser (strict, by design) sees what the user gave it:
 * `--port 5000`, `--port=5000`, `-h`.
 */
export function pickServeArgs(argv: readonly string[]): string[] {
  const picked: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (SHORT.has(arg)) {
      picked.push(arg);
      continue;
    }
    const m = /^--([a-z-]+)(=.*)?$/.exec(arg);
    const flag = m?.[1];
    if (!m || flag === undefined || !isServeFlag(flag)) continue;
    if (m[2] !== undefined || valueless(flag)) {
      picked.push(arg);
    } else if (i + 1 < argv.length) {
      picked.push(arg, argv[i + 1]!);
      i++;
    } else {
      picked.push(arg); // the parser says the value is missing
    }
  }
  return picked;
}

/** The user's arguments: what follows the executable (packaged) or the executable and the app path. */
export const userArgs = (argv: readonly string[], packaged: boolean): string[] => argv.slice(packaged ? 1 : 2);
