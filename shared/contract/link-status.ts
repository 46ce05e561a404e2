/**
 * How a display is linked to the server:
 * - connecting: not yet connected since the page loaded;
 * - online: connected, and the server answered a time ping in the last few seconds;
 * - offline: the connection dropped or went silent (the clock keeps running locally);
 * - unauthorized: the server refused the token; there is no point retrying.
 */
export const LINK_STATUSES = ['connecting', 'online', 'offline', 'unauthorized'] as const;
export type LinkStatus = (typeof LINK_STATUSES)[number];
