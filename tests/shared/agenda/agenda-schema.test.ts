import { describe, expect, it, test } from 'vitest';
import { agendaSchema, itemPatchSchema, itemSchema } from '../../../shared/agenda/agenda-schema';
import { validateAgenda } from '../../../shared/contract/validate';
import { readSampleJson } from '../../builders';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** A deep copy of the sample, to break one field at a time. */
const sample = (): Json => structuredClone(readSampleJson()) as Json;

function firstError(input: unknown) {
  const result = validateAgenda(input);
  if (result.ok) throw new Error('expected the agenda to be refused');
  return result.error;
}

describe('agendaSchema', () => {
  it('accepts the sample agenda', () => {
    const result = validateAgenda(readSampleJson());
    expect(result.ok).toBe(true);
  });

  it('fills in defaults for the optional fields', () => {
    const parsed = agendaSchema.parse({
      title: 'Minimal',
      date: '2022-11-17',
      timezone: 'Asia/Shanghai',
      languages: ['en'],
      sessions: [
        {
          id: 's',
          title: 'S',
          moderatorLanguage: 'en',
          plannedStart: '09:00',
          plannedEnd: '10:00',
          items: [{ id: 'i', title: 'I', kind: 'talk', language: 'zh-CN' }],
        },
      ],
    });
    expect(parsed).toMatchObject({ venue: '', extraTimezones: [], glossary: [] });
    expect(parsed.sessions[0]!.items[0]).toMatchObject({
      attendance: 'onsite',
      notes: '',
      boothNotes: '',
      skipped: false,
      fixed: false,
      scriptReceived: false,
      speaker: { name: '', localName: '', honorific: '', role: '', organisation: '' },
    });
    expect(parsed.sessions[0]!.items[0]!.durationSec).toBeUndefined();
  });
});

describe('validateAgenda names the offending field', () => {
  test('a duplicate item id (across sessions)', () => {
    const a = sample();
    a['sessions'][1].items[0].id = 'open-cao';
    const e = firstError(a);
    expect(e.code).toBe('invalid');
    expect(e.path).toBe('sessions.1.items.0.id');
    expect(e.message).toMatch(/duplicates the id of item "Opening remarks"/);
  });

  test('a session id that duplicates another session', () => {
    const a = sample();
    a['sessions'][2].id = 'opening';
    expect(firstError(a).path).toBe('sessions.2.id');
  });

  test('an item id that duplicates a session id', () => {
    const a = sample();
    a['sessions'][0].items[2].id = 'closing';
    expect(firstError(a).path).toBe('sessions.3.id');
  });

  test.each(['9:00', '24:00', '14:60', '14.00', '2pm'])('a planned start of "%s" is not HH:MM', (bad) => {
    const a = sample();
    a['sessions'][0].plannedStart = bad;
    const e = firstError(a);
    expect(e.path).toBe('sessions.0.plannedStart');
    expect(e.message).toContain('HH:MM');
  });

  test('a session that ends before it starts', () => {
    const a = sample();
    a['sessions'][3].plannedEnd = '16:00';
    expect(firstError(a).path).toBe('sessions.3.plannedEnd');
  });

  test.each([
    ['timezone', (a: Json) => (a['timezone'] = 'Beijing')],
    ['timezone', (a: Json) => (a['timezone'] = 'CET+8')],
    ['extraTimezones.0', (a: Json) => (a['extraTimezones'] = ['Europe/Berln'])],
  ])('a bad time zone at %s', (path, breakIt) => {
    const a = sample();
    breakIt(a);
    const e = firstError(a);
    expect(e.path).toBe(path);
    expect(e.message).toContain('IANA');
  });

  test.each([
    ['languages.1', (a: Json) => (a['languages'] = ['en', 'zh CN'])],
    ['sessions.2.items.1.language', (a: Json) => (a['sessions'][2].items[1].language = 'english!')],
    ['sessions.1.moderatorLanguage', (a: Json) => (a['sessions'][1].moderatorLanguage = 'en_US')],
    ['languages', (a: Json) => (a['languages'] = [])],
  ])('a bad language at %s', (path, breakIt) => {
    const a = sample();
    breakIt(a);
    expect(firstError(a).path).toBe(path);
  });

  test.each([
    ['duration', 'sessions.0.items.0.duration', (a: Json) => (a['sessions'][0].items[0].duration = 420)],
    ['speakers', 'speakers', (a: Json) => (a['speakers'] = [])],
    ['moderatorName', 'sessions.1.moderatorName', (a: Json) => (a['sessions'][1].moderatorName = 'x')],
    ['email', 'sessions.1.items.2.speaker.email', (a: Json) => (a['sessions'][1].items[2].speaker.email = 'a@b.c')],
  ])('an unknown field "%s" is named, not dropped', (field, path, breakIt) => {
    const a = sample();
    breakIt(a);
    const e = firstError(a);
    expect(e.path).toBe(path);
    expect(e.message).toContain(`unknown field "${field}"`);
  });

  test.each([
    ['sessions.0.items.0.durationSec', (a: Json) => (a['sessions'][0].items[0].durationSec = 0)],
    ['sessions.0.items.0.durationSec', (a: Json) => (a['sessions'][0].items[0].durationSec = 7.5)],
    ['sessions.0.items.0.kind', (a: Json) => (a['sessions'][0].items[0].kind = 'keynote')],
    ['sessions.0.items.0.attendance', (a: Json) => (a['sessions'][0].items[0].attendance = 'remote')],
    ['sessions.0.items.0.id', (a: Json) => (a['sessions'][0].items[0].id = 'has space')],
    ['sessions.0.items.0.title', (a: Json) => (a['sessions'][0].items[0].title = '')],
    ['date', (a: Json) => (a['date'] = '2022-02-30')],
    ['date', (a: Json) => (a['date'] = '17/11/2022')],
  ])('other bad values: %s', (path, breakIt) => {
    const a = sample();
    breakIt(a);
    expect(firstError(a).path).toBe(path);
  });

  test('a non-object agenda is refused with an empty path', () => {
    expect(firstError(null).path).toBe('');
  });
});

describe('itemSchema and itemPatchSchema', () => {
  test('a patch clears the duration with "none", never with null (a NaN arrives as null), and never sets it to zero', () => {
    expect(itemPatchSchema.parse({ durationSec: 'none' })).toEqual({ durationSec: 'none' });
    const nan = JSON.parse(JSON.stringify({ patch: { durationSec: Number.NaN } })) as { patch: unknown };
    const refused = itemPatchSchema.safeParse(nan.patch);
    expect(refused.success).toBe(false);
    expect(refused.error?.issues[0]).toMatchObject({ path: ['durationSec'], message: expect.stringMatching(/"none"/) as unknown });
    expect(itemPatchSchema.safeParse({ warningSec: null }).success).toBe(false);
    expect(itemPatchSchema.parse({ warningSec: 'default', dangerSec: 30 })).toEqual({ warningSec: 'default', dangerSec: 30 });
    expect(itemPatchSchema.safeParse({ title: 'none' }).success).toBe(true);
    expect(itemPatchSchema.safeParse({ durationSec: 0 }).success).toBe(false);
    expect(itemPatchSchema.safeParse({ id: 'x' }).success).toBe(false);
  });

  test('thresholds must be whole seconds up to an hour', () => {
    const base = { id: 'i', title: 'I', kind: 'talk', language: 'en' };
    expect(itemSchema.safeParse({ ...base, warningSec: 0 }).success).toBe(true);
    expect(itemSchema.safeParse({ ...base, warningSec: 3601 }).success).toBe(false);
    expect(itemSchema.safeParse({ ...base, dangerSec: 1.5 }).success).toBe(false);
  });
});
