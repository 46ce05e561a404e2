import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readImport } from '../../../electron/agenda-io/read-import';
import { displayHelloSchema } from '../../../shared/contract/presence';
import { validateAgenda, validateCommand } from '../../../shared/contract/validate';
import { userTextProblem } from '../../../shared/text/user-text';
import { loadSample, readSampleJson } from '../../builders';

const RLO = '\u202E';
const PDF = '\u202C';
const RLI = '\u2067';
const PDI = '\u2069';

/** The refusal's message, or null when the command is accepted. */
const refusal = (command: unknown): string | null => {
  const v = validateCommand(command);
  return v.ok ? null : v.error.message;
};

describe('the user-text rule (issue 14 §7)', () => {
  it('accepts ordinary text in any script, tabs, line breaks and paired direction marks', () => {
    for (const ok of ['Welcoming remarks', '欢迎致辞', 'مرحبا بكم', 'a\tb\nc', `${RLO}abc${PDF} after`, `${RLI}שלום${PDI}`, `${RLI}${RLO}x${PDF}${PDI}`]) {
      expect(userTextProblem(ok), JSON.stringify(ok)).toBeNull();
    }
  });

  it('refuses C0 control characters other than tab and line break, naming the character', () => {
    expect(userTextProblem('a\u0000b')).toMatch(/control character U\+0000 \(NUL\)/);
    expect(userTextProblem('bell\u0007')).toMatch(/U\+0007/);
    expect(userTextProblem('esc\u001B[31m')).toMatch(/U\+001B/);
  });

  it('refuses a direction override or isolate that is never closed, or a close with nothing open', () => {
    expect(userTextProblem(`${RLO}reversed`)).toMatch(/right-to-left override \(U\+202E\) that is never closed with U\+202C/);
    expect(userTextProblem(`${RLI}isolated`)).toMatch(/right-to-left isolate \(U\+2067\) that is never closed with U\+2069/);
    expect(userTextProblem(`x${PDF}`)).toMatch(/pop directional formatting \(U\+202C\) that closes nothing/);
    // An isolate is not closed by PDF, nor an override by PDI.
    expect(userTextProblem(`${RLI}x${PDF}`)).not.toBeNull();
    expect(userTextProblem(`${RLO}x${PDI}`)).not.toBeNull();
    // A line break closes everything: an override open at the end of a line is unpaired.
    expect(userTextProblem(`${RLO}first\nsecond${PDF}`)).not.toBeNull();
  });
});

describe('every text field of every command holds to it, naming the field', () => {
  it('text-nul-in-title: an item title with a NUL is refused (so OSC feedback can never carry one)', () => {
    expect(refusal({ type: 'item.update', itemId: 'open-lee', patch: { title: 'Opening\u0000remarks' } })).toMatch(/^patch\.title: must not contain the control character U\+0000/);
    const item = { id: 'new-item', title: 'New\u0000', kind: 'talk', language: 'en' };
    expect(refusal({ type: 'item.insert', sessionId: 'opening', item })).toMatch(/^item\.title: .*U\+0000/);
    expect(refusal({ type: 'item.update', itemId: 'open-lee', patch: { title: 'Opening remarks' } })).toBeNull();
  });

  it('text-rlo-unclosed: a message with an unclosed right-to-left override is refused', () => {
    expect(refusal({ type: 'message.speaker', text: `${RLO}Wrap up` })).toMatch(/^text: has a right-to-left override/);
    expect(refusal({ type: 'message.booth', text: `Next ${RLI}speaker` })).toMatch(/^text: has a right-to-left isolate/);
    expect(refusal({ type: 'message.speaker', text: `${RLO}Wrap up${PDF}` })).toBeNull();
  });

  it('covers speaker fields, notes, booth names, requests, booth notes, the glossary and display names', () => {
    const cases: [unknown, string][] = [
      [{ type: 'item.update', itemId: 'x', patch: { speaker: { name: `Dr ${RLO}X` } } }, 'patch.speaker.name'],
      [{ type: 'item.update', itemId: 'x', patch: { notes: 'a\u0001' } }, 'patch.notes'],
      [{ type: 'booth.request', booth: 'Booth\u0000A', kind: 'slow-down' }, 'booth'],
      [{ type: 'booth.request', booth: 'Booth A', kind: 'text', text: `${RLO}slides` }, 'text'],
      [{ type: 'booth.turn.start', booth: `A${RLO}` }, 'booth'],
      [{ type: 'booth.notes', itemId: 'x', boothNotes: 'a\u0008' }, 'boothNotes'],
      [{ type: 'glossary.replace', glossary: [{ term: 'ILO\u0000', expansions: {} }] }, 'glossary.0.term'],
      [{ type: 'glossary.replace', glossary: [{ term: 'ILO', expansions: { en: `${RLO}Labour` } }] }, 'glossary.0.expansions.en'],
    ];
    for (const [command, field] of cases) expect(refusal(command), JSON.stringify(command)).toMatch(new RegExp(`^${field.replace(/\./g, '\\.')}: `));
    const hello = displayHelloSchema.safeParse({ view: 'speaker', name: `Lectern${RLO}`, language: 'en' });
    expect(hello.success).toBe(false);
  });

  it('keeps Windows line ends in pasted text as line breaks instead of refusing them', () => {
    const v = validateCommand({ type: 'booth.notes', itemId: 'x', boothNotes: 'line one\r\nline two' });
    expect(v.ok && v.value.type === 'booth.notes' && v.value.boothNotes).toBe('line one\nline two');
  });
});

describe('imports get the rule through the agenda schema', () => {
  it('text-nul-in-import: an agenda whose speaker name holds a NUL is refused, naming the field', () => {
    const agenda = readSampleJson() as { sessions: { items: { speaker: { name: string } }[] }[] };
    agenda.sessions[0]!.items[0]!.speaker.name = 'CAO\u0000Xuejun';
    const v = validateAgenda(agenda);
    expect(v.ok).toBe(false);
    expect(!v.ok && v.error.message).toMatch(/^sessions\.0\.items\.0\.speaker\.name: must not contain the control character U\+0000/);
  });

  it('text-rlo-in-import: a CSV whose title has an unclosed override is refused', async () => {
    const csv = readFileSync(new URL('../../fixtures/agenda-io/workshop-for-xlsx.csv', import.meta.url), 'utf8').replace('Keynote', `Keynote${RLO}`);
    const outcome = await readImport('csv', new TextEncoder().encode(csv), {}, loadSample());
    expect(outcome.agenda).toBeNull();
    expect(outcome.errors.map((e) => e.message).join('\n')).toMatch(/right-to-left override \(U\+202E\) that is never closed/);
  });
});

describe('the rule holds for any text (property)', () => {
  it('text-any-string: a message is either refused naming text, or carries no C0 control but tab and line break and no open override', () => {
    const suspect = fc.constantFrom('\u0000', '\u0001', '\t', '\n', '\r', '\u001B', RLO, PDF, RLI, PDI, '\u202A', '\u2066', 'a', 'ب', '中', ' ');
    fc.assert(
      fc.property(fc.array(fc.oneof(suspect, fc.string({ unit: 'grapheme', maxLength: 3 })), { maxLength: 40 }), (parts) => {
        const v = validateCommand({ type: 'message.speaker', text: `x${parts.join('')}x` });
        if (!v.ok) return v.error.path === 'text';
        const text = v.value.type === 'message.speaker' ? v.value.text : '';
        // eslint-disable-next-line no-control-regex -- the point of the check
        return !/[\x00-\x08\x0B-\x1F]/.test(text) && userTextProblem(text) === null;
      }),
      { numRuns: 2000 },
    );
  });
});
