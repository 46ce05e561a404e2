import { describe, expect, it } from 'vitest';
import { aptToolPlan } from '../../scripts/lib/setup.mjs';

describe('aptToolPlan (oscsend for the OSC tests)', () => {
  it('uses a tool that is there, installs it as root with apt-get, else skips the tests that need it', () => {
    expect(aptToolPlan(true, false, false)).toBe('present');
    expect(aptToolPlan(true, true, true)).toBe('present');
    expect(aptToolPlan(false, true, true)).toBe('install');
    expect(aptToolPlan(false, false, true)).toBe('skip');
    expect(aptToolPlan(false, true, false)).toBe('skip');
  });
});
