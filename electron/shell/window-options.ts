import type { BrowserWindowConstructorOptions } from 'electron';
import type { View } from '../../shared/contract/http';
import type { PlacementDecision } from './displays';
import { secureWebPreferences } from './security';

/** Each role's window: its size when nothing is remembered, and how it looks. */
export const WINDOW_DEFAULTS: Record<View, { width: number; height: number; minWidth: number; minHeight: number; background: string }> = {
  moderator: { width: 1280, height: 820, minWidth: 800, minHeight: 560, background: '#0e1014' },
  // The speaker monitor usually runs full screen on a lectern display; black behind the page.
  speaker: { width: 1280, height: 720, minWidth: 480, minHeight: 270, background: '#000000' },
  booth: { width: 1100, height: 800, minWidth: 640, minHeight: 480, background: '#0e1014' },
};

/**
 * The BrowserWindow options of a role's window, placed as decided. The page sets the title
 * ("Rostrum — Speaker"); the window stays hidden until its first paint.
 */
export function windowOptions(
  view: View,
  preloadPath: string,
  place: PlacementDecision,
  iconPath: string | undefined,
  /** macOS speaker monitor: full screen in place, never in a Space of its own (the page's F key too). */
  simpleFullscreen = false,
): BrowserWindowConstructorOptions {
  const d = WINDOW_DEFAULTS[view];
  return {
    ...place.bounds,
    minWidth: d.minWidth,
    minHeight: d.minHeight,
    // A simple full-screen window goes full screen once it exists (ShellWindows.open).
    fullscreen: place.fullscreen && !simpleFullscreen,
    fullscreenable: true,
    ...(simpleFullscreen ? { simpleFullscreen: true } : {}),
    show: false,
    backgroundColor: d.background,
    title: 'Rostrum',
    // The speaker monitor faces the audience: no menu bar on it (Windows, Linux; Alt shows it).
    autoHideMenuBar: view === 'speaker',
    ...(iconPath ? { icon: iconPath } : {}),
    webPreferences: secureWebPreferences(preloadPath),
  };
}
