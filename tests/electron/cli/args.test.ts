import { describe, expect, it } from 'vitest';
import { parseServeArgs } from '../../../electron/cli/args';

const files: Record<string, string> = {
  '/secrets/control': 'control-from-file-0001\n',
  '/secrets/crlf': 'control-from-file-0002\r\nsecond line\r\n',
  '/secrets/bad': 'not a token\n',
};
const read = (path: string): string => {
  const text = files[path];
  if (text === undefined) throw Object.assign(new Error('no such file'), { code: 'ENOENT' });
  return text;
};
const parse = (argv: string[], env: NodeJS.ProcessEnv = {}) => parseServeArgs(argv, env, read);

describe('--control-token-file (issue 14 §8)', () => {
  it('token-file-flag: reads the control token from the first line of the file, so it never shows in the process list', () => {
    expect(parse(['--control-token-file', '/secrets/control']).controlToken).toBe('control-from-file-0001');
    expect(parse(['--control-token-file=/secrets/crlf']).controlToken).toBe('control-from-file-0002');
    // The file wins over the environment variable.
    expect(parse(['--control-token-file', '/secrets/control'], { ROSTRUM_CONTROL_TOKEN: 'control-from-env-0001' }).controlToken).toBe('control-from-file-0001');
  });

  it('names the file when it cannot be read or holds no token, and refuses it beside --control-token', () => {
    expect(() => parse(['--control-token-file', '/secrets/missing'])).toThrow('--control-token-file: cannot read /secrets/missing: ENOENT');
    expect(() => parse(['--control-token-file', '/secrets/bad'])).toThrow('--control-token-file: the first line of /secrets/bad is not a token (8 to 200 URL-safe characters)');
    expect(() => parse(['--control-token-file', '/secrets/control', '--control-token', 'control-flag-0001'])).toThrow('--control-token-file and --control-token: give one of them');
  });
});

describe('duplicate tokens in flags (issue 14 §8)', () => {
  it('token-duplicate: a view or booth token equal to the control token is refused', () => {
    expect(() => parse(['--control-token', 'same-token-0001', '--view-token', 'same-token-0001'])).toThrow('the control and view tokens given are the same: each role needs its own token');
    expect(() => parse(['--booth-token', 'same-token-0002'], { ROSTRUM_VIEW_TOKEN: 'same-token-0002' })).toThrow(/the booth and view tokens given are the same/);
    expect(() => parse(['--control-token-file', '/secrets/control', '--booth-token', 'control-from-file-0001'])).toThrow(/the control and booth tokens/);
    expect(parse(['--control-token', 'control-token-0001', '--view-token', 'view-token-0001']).viewToken).toBe('view-token-0001');
  });
});

describe('the relay flags (#17)', () => {
  it('--relay and --relay-key (or the environment) give the link; --remote-moderator switches the co-host on', () => {
    expect(parse([]).relay).toBeNull();
    expect(parse([]).remoteModerator).toBe(false);
    const key = 'k'.repeat(20);
    expect(parse(['--relay', 'https://relay.example.org/x', '--relay-key', key]).relay).toEqual({ url: 'https://relay.example.org', key });
    expect(parse([], { ROSTRUM_RELAY_URL: 'https://relay.example.org', ROSTRUM_RELAY_KEY: key }).relay).toEqual({ url: 'https://relay.example.org', key });
    expect(parse(['--remote-moderator']).remoteModerator).toBe(true);
  });
});
