import { describe, expect, it, test } from 'vitest';
import { flattenItems } from '../../../shared/agenda/agenda-queries';
import { agendaSchema } from '../../../shared/agenda/agenda-schema';
import { sameLanguage } from '../../../shared/agenda/language';
import { buildPlan } from '../../../shared/schedule/plan';
import { timeOfDayIn } from '../../../shared/time/zoned-time';
import { loadSample, readSampleJson } from '../../builders';

const agenda = loadSample();
const items = flattenItems(agenda).map((l) => l.item);
const byId = (id: string) => {
  const found = items.find((i) => i.id === id);
  if (!found) throw new Error(`no item ${id}`);
  return found;
};

describe('the sample agenda (Just Transition workshop, 17 Nov 2022)', () => {
  it('is stored complete: parsing adds no defaults', () => {
    expect(agendaSchema.parse(readSampleJson())).toEqual(readSampleJson());
  });

  it('is dated, zoned and in the languages of the document', () => {
    expect(agenda.title).toMatch(/^International Summit and Capacity Building Workshop on Green Development/);
    expect(agenda.date).toBe('2022-11-17');
    expect(agenda.timezone).toBe('Asia/Shanghai');
    expect(agenda.extraTimezones).toEqual(['Europe/Berlin']);
    expect(agenda.languages).toEqual(['en', 'zh']);
    expect(agenda.venue).toContain('Hotel Mels Weldon Dongguan Humen');
    expect(agenda.venue).toContain('Asia Hall');
  });

  it('has the four sessions at the planned times', () => {
    expect(agenda.sessions.map((s) => [s.title.split(/[:–]/)[0]!.trim(), s.plannedStart, s.plannedEnd])).toEqual([
      ['Welcome and opening', '14:00', '14:30'],
      ['Session I', '14:30', '15:20'],
      ['Session II', '15:20', '16:10'],
      ['Closing and next-steps', '16:10', '16:30'],
    ]);
  });

  it('runs 07:00–09:30 CET for online participants, as the document says', () => {
    const plan = buildPlan(agenda);
    expect(timeOfDayIn(plan.sessions[0]!.plannedStart, 'Europe/Berlin')).toBe('07:00');
    expect(timeOfDayIn(plan.plannedEnd!, 'Europe/Berlin')).toBe('09:30');
  });

  it('has one item per speaker or commentator: 4 + 4 + 4 + 2', () => {
    expect(agenda.sessions.map((s) => s.items.length)).toEqual([4, 4, 4, 2]);
    expect(items).toHaveLength(14);
    expect(new Set(items.map((i) => i.id)).size).toBe(14);
  });

  it('has the moderators as session fields, not items', () => {
    expect(agenda.sessions.map((s) => s.moderator)).toEqual([
      'Ms YAN Yan',
      'Mr Eric Roeder',
      'Dr LIANG Xiaohui',
      'Mr QIAN Chengchen',
    ]);
    const speakerNames = items.map((i) => i.speaker.name);
    for (const m of ['YAN Yan', 'Eric Roeder', 'LIANG Xiaohui', 'QIAN Chengchen']) expect(speakerNames).not.toContain(m);
  });

  it('uses the item kinds of the document', () => {
    expect(agenda.sessions.map((s) => s.items.map((i) => i.kind))).toEqual([
      ['opening', 'remarks', 'remarks', 'remarks'],
      ['talk', 'talk', 'talk', 'commentary'],
      ['talk', 'talk', 'talk', 'commentary'],
      ['closing', 'closing'],
    ]);
  });

  it('has the durations of the document, and none for the closing speakers', () => {
    expect(items.map((i) => i.durationSec)).toEqual([
      420, 420, 420, 420, 900, 900, 900, 300, 900, 900, 900, 300, undefined, undefined,
    ]);
  });

  test.each([
    ['open-cao', 'CAO Xuejun', 'Ms', /Ministry of Industry and Information Technology/],
    ['open-sun', 'SUN Ruizhe', 'Mr', /China National Textile and Apparel Council/],
    ['open-lee', 'LEE Chang-Hee', 'Dr', /ILO/],
    ['s1-martinez', 'Cristina Martinez', 'Dr', /ILO/],
    ['s1-sharpe', 'Samantha Sharpe', 'Dr', /University of Technology Sydney/],
    ['s1-yoon', 'Youngmo Yoon', 'Mr', /ILO/],
    ['s1-wang', 'WANG Dong', 'Mr', /UNDP/],
    ['s2-hur', 'Youngran Hur', 'Ms', /UNEP/],
    ['s2-tang', 'TANG Di', 'Dr', /PRI/],
    ['s2-saieed', 'Abu Saieed', 'Mr', /UNIDO/],
    ['close-martinez', 'Cristina Martinez', 'Dr', /ILO/],
    ['close-chen', 'CHEN Dapeng', 'Mr', /China National Textile and Apparel Council/],
  ])('%s is %s %s', (id, name, honorific, organisation) => {
    const { speaker } = byId(id);
    expect(speaker.name).toBe(name);
    expect(speaker.honorific).toBe(honorific);
    expect(speaker.organisation).toMatch(organisation);
    expect(speaker.role).not.toBe('');
    expect(speaker.localName).toBe(''); // the source has no Chinese-script names
  });

  it('uses the talk titles of the document', () => {
    expect(byId('s1-martinez').title).toMatch(/^Carbon neutralization and Just Transition in Asia Pacific/);
    expect(byId('s1-sharpe').title).toBe('Introduction of ILO Just Transition Toolkit for the Textile and Garment Sector in Asia');
    expect(byId('s1-yoon').title).toBe('The role of social dialogue in promoting a Just Transition');
    expect(byId('open-local-gov').title).toBe('Welcoming remarks');
  });

  const ZH = ['open-local-gov', 'open-cao', 'open-sun', 's1-wang', 's2-humen-enterprise', 'close-chen'];

  test.each(items.map((i) => [i.id, ZH.includes(i.id) ? 'zh' : 'en'] as const))('%s speaks %s', (id, language) => {
    const item = byId(id);
    expect(sameLanguage(item.language, language)).toBe(true);
    expect(item.notes).toContain('Language assumed (not stated in the agenda).');
  });

  it('assumes Chinese for the moderators YAN, LIANG and QIAN, English for Eric Roeder', () => {
    expect(agenda.sessions.map((s) => (sameLanguage(s.moderatorLanguage, 'zh-CN') ? 'zh' : 'en'))).toEqual([
      'zh',
      'en',
      'zh',
      'zh',
    ]);
  });

  it('puts everyone on site and holds no contact details', () => {
    expect(items.every((i) => i.attendance === 'onsite')).toBe(true);
    expect(JSON.stringify(readSampleJson())).not.toMatch(/@|\+\d{6,}|phone|e-?mail/i);
  });

  it('explains every acronym of the document in English and Chinese', () => {
    const terms = new Map(agenda.glossary.map((g) => [g.term, g.expansions]));
    const acronyms = [
      'ILO', 'CNTAC', 'MIIT', 'PAGE', 'DWGSCA', 'SIDA', 'NDCs', 'SDGs', 'CA4JI', 'COP 26',
      'TAGS', 'ISF', 'UTS', 'TERN', 'UNDP', 'UNEP', 'GO4SDGs', 'PRI', 'UNIDO', 'SDG',
    ];
    for (const a of acronyms) {
      const e = terms.get(a);
      expect(e, a).toBeDefined();
      expect(e!['en'], a).toMatch(/\w/);
      expect(e!['zh'], a).toMatch(/\p{Script=Han}/u);
    }
    expect(terms.get('ILO')).toEqual({ en: 'International Labour Organization', zh: '国际劳工组织' });
    expect(terms.get('CNTAC')).toEqual({ en: 'China National Textile and Apparel Council', zh: '中国纺织工业联合会' });
    expect(new Set(agenda.glossary.map((g) => g.term)).size).toBe(agenda.glossary.length);
  });
});
