/**
 * Every OSC input address (docs/control.md), listed once. The OSC map (electron/osc/osc-map.ts)
 * handles each of them (a test holds the two together), and rooms (#18) read their first words:
 * `/rostrum/<roomId>/next` addresses a room, so a room id may not be the first word of an address.
 */
export const OSC_ADDRESSES = [
  '/rostrum/start',
  '/rostrum/pause',
  '/rostrum/toggle',
  '/rostrum/next',
  '/rostrum/previous',
  '/rostrum/goto',
  '/rostrum/adjust',
  '/rostrum/message/speaker',
  '/rostrum/message/clear',
  '/rostrum/aux/start',
  '/rostrum/aux/pause',
  '/rostrum/aux/reset',
  '/rostrum/hold',
  '/rostrum/release',
  '/rostrum/lower-third/show',
  '/rostrum/lower-third/hide',
] as const;
export type OscAddress = (typeof OSC_ADDRESSES)[number];

export const OSC_PREFIX = '/rostrum/';

/** The first words of the addresses (`start`, `message`, `aux`, `lower-third`…). */
export const OSC_FIRST_WORDS: readonly string[] = [...new Set(OSC_ADDRESSES.map((a) => a.slice(OSC_PREFIX.length).split('/')[0]!))];
