import { parseArgs } from 'node:util';

export interface ServeArgs {
  port: number | null;
  host: string;
  dataDir: string | null;
  agenda: string | null;
  controlToken: string | null;
  boothToken: string | null;
  viewToken: string | null;
  help: boolean;
}

export const USAGE = `Usage: npm run serve -- [options]
  --port N             port for HTTP and socket.io (default 4848; 0 = any free port)
  --host ADDR          address to bind (default 127.0.0.1; 0.0.0.0 opens it to the LAN)
  --data-dir DIR       where state and tokens are kept (default: the desktop app's folder)
  --agenda FILE        load this agenda as a new event: .csv, .xlsx, .json or .yaml
  --control-token T    token of the control role (or ROSTRUM_CONTROL_TOKEN)
  --booth-token T      token of the booth role (or ROSTRUM_BOOTH_TOKEN)
  --view-token T       token of the view role (or ROSTRUM_VIEW_TOKEN)`;

/** Parses the serve flags; throws an Error with a one-line message on bad input. */
export function parseServeArgs(argv: string[], env: NodeJS.ProcessEnv): ServeArgs {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    allowPositionals: false,
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      'data-dir': { type: 'string' },
      agenda: { type: 'string' },
      'control-token': { type: 'string' },
      'booth-token': { type: 'string' },
      'view-token': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  let port: number | null = null;
  if (values.port !== undefined) {
    port = Number(values.port);
    if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port: "${values.port}" is not a port number (0-65535)`);
  }
  const token = (flag: string | undefined, envName: string): string | null => {
    const t = flag ?? env[envName];
    if (t === undefined || t === '') return null;
    if (!/^[A-Za-z0-9_\-.~]{8,200}$/.test(t)) throw new Error(`${envName}: a token needs 8 to 200 URL-safe characters`);
    return t;
  };
  return {
    port,
    host: values.host ?? '127.0.0.1',
    dataDir: values['data-dir'] ?? null,
    agenda: values.agenda ?? null,
    controlToken: token(values['control-token'], 'ROSTRUM_CONTROL_TOKEN'),
    boothToken: token(values['booth-token'], 'ROSTRUM_BOOTH_TOKEN'),
    viewToken: token(values['view-token'], 'ROSTRUM_VIEW_TOKEN'),
    help: values.help ?? false,
  };
}
