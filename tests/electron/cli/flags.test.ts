import { describe, expect, it } from 'vitest';
import { SERVE_OPTIONS, USAGE, parseServeArgs } from '../../../electron/cli/args';
import { parseFlags, usageOf, withEnv, type FlagList } from '../../../electron/cli/flags';

const LIST = {
  port: { type: 'string', value: 'N', help: 'the port' },
  'a-very-long-flag-name': { type: 'string', value: 'X', env: 'LONG_FLAG', help: 'first line\nsecond line' },
  quiet: { type: 'boolean', short: 'q', help: 'say less' },
} as const satisfies FlagList;

describe('one flag parser, over a list', () => {
  it('reads each flag in the list, joined or apart, switches by their short form too', () => {
    const values = parseFlags(LIST, ['--port', '4848', '--a-very-long-flag-name=-x', '-q']);
    expect(values).toEqual({ port: '4848', 'a-very-long-flag-name': '-x', quiet: true });
    expect(parseFlags(LIST, [])).toEqual({});
  });

  it('refuses a flag not in the list, naming it, and anything that is not a flag', () => {
    expect(() => parseFlags(LIST, ['--port', '1', '--prot', '2'])).toThrow('--prot: no such flag (--help lists them)');
    expect(() => parseFlags(LIST, ['-x'])).toThrow('-x: no such flag');
    expect(() => parseFlags(LIST, ['4848'])).toThrow('"4848": not a flag');
  });

  it('names a flag whose value is missing (or looks like the next flag), and a switch given a value', () => {
    expect(() => parseFlags(LIST, ['--port'])).toThrow('--port: give its value (--port N;');
    expect(() => parseFlags(LIST, ['--port', '--quiet'])).toThrow('--port: give its value');
    expect(() => parseFlags(LIST, ['--quiet=yes'])).toThrow('--quiet takes no value');
  });

  it('the environment stands for a flag not given; the flag wins; an empty variable is none', () => {
    expect(withEnv(LIST, {}, { LONG_FLAG: 'from-env' })).toEqual({ 'a-very-long-flag-name': 'from-env' });
    expect(withEnv(LIST, { 'a-very-long-flag-name': 'flag' }, { LONG_FLAG: 'from-env' })).toEqual({ 'a-very-long-flag-name': 'flag' });
    expect(withEnv(LIST, {}, { LONG_FLAG: '' })).toEqual({});
  });

  it('lays out --help from the list: one entry per flag, a long one on its own line', () => {
    expect(usageOf(LIST, 'tool [options]')).toBe(
      [
        'Usage: tool [options]',
        '  --port N             the port',
        '  --a-very-long-flag-name X',
        '                       first line',
        '                       second line',
        '  -q, --quiet          say less',
      ].join('\n'),
    );
  });
});

describe('serve through the one parser', () => {
  it('help lists every serve flag, and each names the environment variable that stands for it', () => {
    for (const [name, spec] of Object.entries(SERVE_OPTIONS)) {
      expect(USAGE, name).toMatch(new RegExp(`^  (-h, )?--${name}\\b`, 'm'));
      if ('env' in spec) expect(spec.help, name).toContain(spec.env);
    }
  });

  it('refuses an unknown flag naming it', () => {
    expect(() => parseServeArgs(['--port', '4848', '--relay-url', 'https://relay.example.org'], {})).toThrow('--relay-url: no such flag');
  });
});
