import type { Agenda, Item } from '../../../../shared/agenda/agenda-schema';
import { REMOVE_DURATION } from '../../../../shared/agenda/patch-removals';
import { ATTENDANCE, ITEM_KINDS, KINDS_WITHOUT_SPEAKER } from '../../../../shared/agenda/agenda-constants';
import type { CommandInput } from '../../../../shared/contract/commands';
import { durationInputText, parseDurationInput, readDurationInput } from '../lib/durations';

type UpdateCommand = Extract<CommandInput, { type: 'item.update' }>;
type InsertCommand = Extract<CommandInput, { type: 'item.insert' }>;
export type ItemPatchInput = UpdateCommand['patch'];
export type NewItem = InsertCommand['item'];

/** The edit form's fields, as the inputs hold them. */
export interface ItemForm {
  title: string;
  kind: (typeof ITEM_KINDS)[number];
  honorific: string;
  name: string;
  localName: string;
  role: string;
  organisation: string;
  duration: string;
  language: string;
  attendance: (typeof ATTENDANCE)[number];
  notes: string;
  boothNotes: string;
  fixed: boolean;
  scriptReceived: boolean;
  skipped: boolean;
  /** End by, `HH:MM`; '' for none. */
  endAt: string;
  /** Auto-advance: '' (as the session), the grace in seconds, or `roll`. */
  autoAdvance: string;
}

/** The auto-advance choices of the form: as the session, a grace in seconds, or roll. */
export const AUTO_ADVANCE_CHOICES = ['', '0', '10', '30', '60', '120', 'roll'] as const;

const autoAdvanceText = (a: Item['autoAdvance']): string => (a === undefined ? '' : a === 'roll' ? 'roll' : String(a.graceSec));
const autoAdvanceOf = (text: string): Item['autoAdvance'] => (text === '' ? undefined : text === 'roll' ? 'roll' : { graceSec: Number(text) });

/** What keeps the form from being saved; each has its own message and marks its field. */
export type FormProblem = 'title' | 'name' | 'zeroDuration' | 'duration' | null;

export function formOf(item: Item): ItemForm {
  return {
    title: item.title,
    kind: item.kind,
    honorific: item.speaker.honorific,
    name: item.speaker.name,
    localName: item.speaker.localName,
    role: item.speaker.role,
    organisation: item.speaker.organisation,
    duration: durationInputText(item.durationSec),
    language: item.language,
    attendance: item.attendance,
    notes: item.notes,
    boothNotes: item.boothNotes,
    fixed: item.fixed,
    scriptReceived: item.scriptReceived,
    skipped: item.skipped,
    endAt: item.endAt ?? '',
    autoAdvance: autoAdvanceText(item.autoAdvance),
  };
}

export function blankForm(title: string, language: string): ItemForm {
  return {
    title,
    kind: 'talk',
    honorific: '',
    name: '',
    localName: '',
    role: '',
    organisation: '',
    duration: '5:00',
    language,
    attendance: 'onsite',
    notes: '',
    boothNotes: '',
    fixed: false,
    scriptReceived: false,
    skipped: false,
    endAt: '',
    autoAdvance: '',
  };
}

export function problemOf(form: ItemForm): FormProblem {
  if (form.title.trim() === '') return 'title';
  if (!KINDS_WITHOUT_SPEAKER.includes(form.kind) && form.name.trim() === '' && form.localName.trim() === '') return 'name';
  if (readDurationInput(form.duration) === 0) return 'zeroDuration';
  if (parseDurationInput(form.duration) === undefined) return 'duration';
  return null;
}

const SPEAKER_FIELDS = ['honorific', 'name', 'localName', 'role', 'organisation'] as const;
const TEXT_FIELDS = ['kind', 'language', 'attendance', 'notes', 'boothNotes'] as const;
const FLAGS = ['fixed', 'scriptReceived', 'skipped'] as const;

/** Only what changed, so an edit never overwrites a field someone else changed meanwhile. Null when nothing did. */
export function patchOf(item: Item, form: ItemForm): ItemPatchInput | null {
  const patch: ItemPatchInput = {};
  const title = form.title.trim();
  if (title !== item.title) patch.title = title;
  for (const key of TEXT_FIELDS) if (form[key] !== item[key]) Object.assign(patch, { [key]: form[key] });
  for (const key of FLAGS) if (form[key] !== item[key]) patch[key] = form[key];
  const speaker: NonNullable<ItemPatchInput['speaker']> = {};
  for (const key of SPEAKER_FIELDS) if (form[key].trim() !== item.speaker[key]) speaker[key] = form[key].trim();
  if (Object.keys(speaker).length > 0) patch.speaker = speaker;
  const duration = parseDurationInput(form.duration);
  if (duration === null && item.durationSec !== undefined) patch.durationSec = REMOVE_DURATION;
  else if (typeof duration === 'number' && duration !== item.durationSec) patch.durationSec = duration;
  if (form.endAt !== (item.endAt ?? '')) patch.endAt = form.endAt === '' ? REMOVE_DURATION : form.endAt;
  if (form.autoAdvance !== autoAdvanceText(item.autoAdvance)) patch.autoAdvance = autoAdvanceOf(form.autoAdvance) ?? REMOVE_DURATION;
  return Object.keys(patch).length > 0 ? patch : null;
}

/** A new item from the form, with an id not used anywhere in the agenda. */
export function newItemOf(form: ItemForm, agenda: Agenda, seed: number): NewItem {
  const used = new Set(agenda.sessions.flatMap((s) => [s.id, ...s.items.map((i) => i.id)]));
  let id = `item-${seed.toString(36)}`;
  for (let n = 2; used.has(id); n += 1) id = `item-${seed.toString(36)}-${n}`;
  const duration = parseDurationInput(form.duration);
  return {
    id,
    title: form.title.trim(),
    kind: form.kind,
    speaker: {
      honorific: form.honorific.trim(),
      name: form.name.trim(),
      localName: form.localName.trim(),
      role: form.role.trim(),
      organisation: form.organisation.trim(),
    },
    ...(typeof duration === 'number' ? { durationSec: duration } : {}),
    language: form.language,
    attendance: form.attendance,
    notes: form.notes,
    boothNotes: form.boothNotes,
    scriptReceived: form.scriptReceived,
    fixed: form.fixed,
    skipped: form.skipped,
    ...(form.endAt === '' ? {} : { endAt: form.endAt }),
    ...(form.autoAdvance === '' ? {} : { autoAdvance: autoAdvanceOf(form.autoAdvance)! }),
  };
}
