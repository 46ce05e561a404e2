// Setup file of the unit project (vitest.config.ts): 'electron' is this mock in every unit test
// file — the pattern of electron/fiddle. Code under test imports 'electron' as in the app; tests
// drive and inspect the same objects through ./electron-mock. Electron itself cannot run here.

import { beforeEach, vi } from 'vitest';

vi.mock('electron', () => import('./electron-mock'));

beforeEach(async () => {
  const { resetElectronMock } = await import('./electron-mock');
  resetElectronMock();
});

// The mocked desktop is an X11 one, whatever session the tests run in: in a Wayland session the
// shell would start itself again on X11 (electron/shell/wayland.ts). Tests of that stub these.
delete process.env['WAYLAND_DISPLAY'];
delete process.env['XDG_SESSION_TYPE'];
