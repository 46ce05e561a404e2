/**
 * Wayland: since Electron 38, Electron runs as a native Wayland client in a Wayland session, and
 * Wayland lets no application place its windows — `x`/`y` and setBounds do nothing, full screen
 * lands where the compositor likes. The speaker monitor could not be put on its display. So in a
 * Wayland session Rostrum runs through XWayland (X11), where it can. The backend is chosen before
 * main.js runs: the app starts itself again, once, with `--ozone-platform=x11`.
 *
 * Not when there is no XWayland (DISPLAY unset: X11 would not start at all), nor when the user
 * chose a backend themselves (`--ozone-platform…`, ELECTRON_OZONE_PLATFORM_HINT). `npm start`
 * passes the switch itself (scripts/lib/setup.mjs), so it never needs the second start.
 */

export const X11_SWITCH = '--ozone-platform=x11';

/** What app.relaunch needs: the arguments, and the executable when it is not this one. */
export interface Relaunch {
  args: string[];
  execPath?: string;
}

export function isWaylandSession(env: NodeJS.ProcessEnv): boolean {
  return env['XDG_SESSION_TYPE'] === 'wayland' || Boolean(env['WAYLAND_DISPLAY']);
}

/** How to start again on X11, or null when this process should go on as it is. */
export function x11Relaunch(argv: readonly string[], env: NodeJS.ProcessEnv, platform: NodeJS.Platform): Relaunch | null {
  if (platform !== 'linux' || !isWaylandSession(env) || !env['DISPLAY']) return null;
  if (env['ELECTRON_OZONE_PLATFORM_HINT'] || argv.some((a) => /^--ozone-platform(-hint)?(=|$)/.test(a))) return null;
  return {
    args: [...argv.slice(1), X11_SWITCH],
    // An AppImage runs from a mount that goes away when this process ends: start the image itself.
    ...(env['APPIMAGE'] ? { execPath: env['APPIMAGE'] } : {}),
  };
}
