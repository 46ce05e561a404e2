/** The flags `npm run serve` takes that also mean something to the desktop app (electron/cli/args.ts). */
export const SHELL_FLAGS = ['port', 'host', 'data-dir', 'agenda', 'control-token', 'control-token-file', 'booth-token', 'view-token', 'allowed-hosts', 'trusted-addresses', 'rate-limit', 'max-connections', 'osc-port', 'osc-feedback', 'osc-allow', 'relay', 'relay-key', 'help'] as const;
const VALUELESS = new Set(['help']);

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
    if (arg === '-h') {
      picked.push(arg);
      continue;
    }
    const m = /^--([a-z-]+)(=.*)?$/.exec(arg);
    const flag = m?.[1] as (typeof SHELL_FLAGS)[number] | undefined;
    if (!m || !flag || !(SHELL_FLAGS as readonly string[]).includes(flag)) continue;
    if (m[2] !== undefined || VALUELESS.has(flag)) {
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
