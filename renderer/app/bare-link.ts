/**
 * `/speaker?bare=1`: the timer alone, for sharing the screen with speakers who join online. It
 * never shows a message; the console's display list says so (presence.ts tells the server).
 */
export const isBareLink = (): boolean => new URLSearchParams(window.location.search).get('bare') === '1';

/**
 * `/speaker?bare=1&transparent=1`: the timer alone over a transparent page, an overlay for the
 * stream's browser source (docs/outputs.md).
 */
export const isTransparentBareLink = (): boolean => isBareLink() && new URLSearchParams(window.location.search).get('transparent') === '1';
