/**
 * Where a window goes, as pure functions of the displays present (no Electron here: the shell
 * tests feed them plain objects, the window manager feeds them `screen.getAllDisplays()`).
 */

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The part of Electron's Display the placement needs. */
export interface ScreenDisplay {
  id: number;
  label: string;
  bounds: Rect;
  workArea: Rect;
}

/** What is remembered per window (in settings.json, key `windows`). */
export interface Placement {
  displayId: number;
  /** The display's name when it was chosen: display ids can change when a monitor is replugged. */
  displayLabel: string;
  /** The window's normal (not full-screen) bounds, in screen coordinates. */
  bounds: Rect;
  fullscreen: boolean;
}

export interface PlacementDecision {
  display: ScreenDisplay;
  bounds: Rect;
  fullscreen: boolean;
  /** The remembered display is not connected: the window is on the primary display instead. */
  fellBack: boolean;
}

/** The remembered display when it is connected: by id, else by its name when exactly one display has it. */
export function findDisplay(displays: readonly ScreenDisplay[], placement: Pick<Placement, 'displayId' | 'displayLabel'>): ScreenDisplay | undefined {
  const byId = displays.find((d) => d.id === placement.displayId);
  if (byId) return byId;
  if (placement.displayLabel === '') return undefined;
  const byLabel = displays.filter((d) => d.label === placement.displayLabel);
  return byLabel.length === 1 ? byLabel[0] : undefined;
}

/** `size` centred in `area`, no larger than it. */
export function centerIn(size: { width: number; height: number }, area: Rect): Rect {
  const width = Math.min(Math.round(size.width), area.width);
  const height = Math.min(Math.round(size.height), area.height);
  return {
    x: area.x + Math.floor((area.width - width) / 2),
    y: area.y + Math.floor((area.height - height) / 2),
    width,
    height,
  };
}

/** `bounds` moved (and shrunk if needed) so that the whole window lies inside `area`. */
export function fitInto(bounds: Rect, area: Rect): Rect {
  const width = Math.min(Math.round(bounds.width), area.width);
  const height = Math.min(Math.round(bounds.height), area.height);
  const x = Math.min(Math.max(Math.round(bounds.x), area.x), area.x + area.width - width);
  const y = Math.min(Math.max(Math.round(bounds.y), area.y), area.y + area.height - height);
  return { x, y, width, height };
}

/** The display that holds most of `rect` (the primary display when it overlaps none). */
export function displayContaining(rect: Rect, displays: readonly ScreenDisplay[], primary: ScreenDisplay): ScreenDisplay {
  let best = primary;
  let bestArea = 0;
  for (const d of displays) {
    const w = Math.min(rect.x + rect.width, d.bounds.x + d.bounds.width) - Math.max(rect.x, d.bounds.x);
    const h = Math.min(rect.y + rect.height, d.bounds.y + d.bounds.height) - Math.max(rect.y, d.bounds.y);
    const area = w > 0 && h > 0 ? w * h : 0;
    if (area > bestArea) {
      best = d;
      bestArea = area;
    }
  }
  return best;
}

/**
 * Where a window opens, or moves to after displays changed:
 * - on its remembered display, with its remembered bounds (kept inside that display's work area)
 *   and full screen if it was;
 * - when that display has gone, on the primary display, centred at its remembered size and not
 *   full screen (a speaker monitor must not cover the moderator's own screen);
 * - with nothing remembered, centred on the primary display at `defaultSize`.
 */
export function placeWindow(
  placement: Placement | undefined,
  displays: readonly ScreenDisplay[],
  primary: ScreenDisplay,
  defaultSize: { width: number; height: number },
): PlacementDecision {
  if (placement) {
    const display = findDisplay(displays, placement);
    if (display) {
      return { display, bounds: fitInto(placement.bounds, display.workArea), fullscreen: placement.fullscreen, fellBack: false };
    }
    return { display: primary, bounds: centerIn(placement.bounds, primary.workArea), fullscreen: false, fellBack: true };
  }
  return { display: primary, bounds: centerIn(defaultSize, primary.workArea), fullscreen: false, fellBack: false };
}

/** The placement the display picker stores: full screen on `display`, normal bounds centred there. */
export function fullscreenOn(display: ScreenDisplay, defaultSize: { width: number; height: number }): Placement {
  return { displayId: display.id, displayLabel: display.label, bounds: centerIn(defaultSize, display.workArea), fullscreen: true };
}

const isRect = (v: unknown): v is Rect =>
  typeof v === 'object' &&
  v !== null &&
  ['x', 'y', 'width', 'height'].every((k) => Number.isFinite((v as Record<string, unknown>)[k])) &&
  (v as Rect).width > 0 &&
  (v as Rect).height > 0;

/** A remembered placement read back from settings.json, or undefined when it is not one (hand-edited, older). */
export function parsePlacement(value: unknown): Placement | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const v = value as Record<string, unknown>;
  if (!Number.isFinite(v['displayId']) || !isRect(v['bounds']) || typeof v['fullscreen'] !== 'boolean') return undefined;
  return {
    displayId: v['displayId'] as number,
    displayLabel: typeof v['displayLabel'] === 'string' ? v['displayLabel'] : '',
    bounds: { ...(v['bounds'] as Rect) },
    fullscreen: v['fullscreen'],
  };
}
