/**
 * `{{name}}` placeholders in rule texts (OSC string arguments and address, HTTP URL path and body,
 * speaker messages). The list is closed: a rule naming another placeholder is refused when saved,
 * naming it. A placeholder with nothing to say for a trigger (e.g. `booth.name` for item.started)
 * is filled with ''.
 */
export const PLACEHOLDERS = {
  'item.id': 'the item concerned (its id)',
  'item.title': 'its title',
  'item.speaker': "its speaker's name",
  'item.speakerLocalName': "its speaker's name in their own script",
  'item.kind': 'its kind (talk, break, …)',
  'item.language': 'its language (en, zh, …)',
  'item.attendance': 'onsite or online',
  'item.durationSec': 'its planned duration in seconds (with time added), or empty',
  'item.remainingSec': 'seconds left when the rule fires (negative in overtime), or empty',
  'item.elapsedSec': 'seconds it has run',
  'item.overtimeSec': 'seconds over time (0 before time up)',
  'session.id': 'the session of the item',
  'session.title': 'its title',
  'next.title': 'the next item to play',
  'next.speaker': "its speaker's name",
  'event.title': 'the agenda title',
  'event.venue': 'the venue',
  trigger: 'what fired the rule (item.started, …)',
  firedAt: 'when it fired, ISO 8601 UTC',
  'booth.name': 'booth.request: the booth',
  'booth.request': 'booth.request: its kind (slow-down, no-audio, need-text, text)',
  'booth.text': 'booth.request: its text',
  'display.name': 'display.offline: the display that went away',
  'display.view': 'display.offline: its view (speaker, booth, …)',
} as const;

export type Placeholder = keyof typeof PLACEHOLDERS;
export type TemplateValues = Partial<Record<Placeholder, string>>;

const PATTERN = /\{\{\s*([^{}]*?)\s*\}\}/g;
const isPlaceholder = (name: string): name is Placeholder => Object.hasOwn(PLACEHOLDERS, name);

/** The placeholders in `text` that are not in the list, in order, once each. */
export function unknownPlaceholders(text: string): string[] {
  const unknown = new Set<string>();
  for (const m of text.matchAll(PATTERN)) if (!isPlaceholder(m[1]!)) unknown.add(m[1]!);
  return [...unknown];
}

/** Fills the placeholders of `text`; `encode` is applied to each value (URL-encoding in a URL). */
export function fillTemplate(text: string, values: TemplateValues, encode: (v: string) => string = (v) => v): string {
  return text.replace(PATTERN, (_whole, name: string) => (isPlaceholder(name) ? encode(values[name] ?? '') : ''));
}

/** True when the whole of `text` is one placeholder (an OSC int or float argument from a value). */
export const isWholePlaceholder = (text: string): boolean => /^\{\{\s*[^{}]*?\s*\}\}$/.test(text);
