import { describe, expect, it } from 'vitest';
import { attributes, elements, runText, startTags, xmlText } from '../../../electron/agenda-io/xml-text';

describe('the workbook reader’s little XML', () => {
  it('reads attributes: local names, either quote, entities; skips what is not name="value"', () => {
    expect(attributes(' r="B2" s=\'1\' t = "s" r:id="rId1" junk formatCode="[h]:mm&quot;x&quot;"')).toEqual({ r: 'B2', s: '1', t: 's', id: 'rId1', formatCode: '[h]:mm"x"' });
    expect(attributes(' a="1" b="unclosed')).toEqual({ a: '1' });
  });

  it('refuses a tag longer than 16 KiB, and reads a long one in one pass', () => {
    expect(() => attributes(`a${'a'.repeat(20_000)}`)).toThrow(/longer than 16 KiB/);
    expect(attributes(`${'a'.repeat(16_000)}="x"`)).toEqual({ ['a'.repeat(16_000)]: 'x' });
  });

  it('finds elements and start tags with indexOf; an opening without its close ends the list', () => {
    expect([...elements('<c r="A1"><v>1</v></c><c r="B1"/><col/><c r="C1"><v>3</v>', 'c')]).toEqual([
      { attrs: ' r="A1"', inner: '<v>1</v>' },
      { attrs: ' r="B1"', inner: '' },
    ]);
    expect([...startTags('<sheet name="A"/><sheets><sheet name="B">', 'sheet')]).toEqual([' name="A"', ' name="B"']);
  });

  it('reads rich and phonetic text as a person sees it, with entities and _xHHHH_ escapes', () => {
    expect(runText('<r><t>東京</t></r><rPh sb="0" eb="2"><t>トウキョウ</t></rPh><r><t xml:space="preserve"> &amp; _x000D_x</t></r>')).toBe('東京 & \rx');
    expect(xmlText('&#x4E2D;&#25991;&unknown;')).toBe('中文&unknown;');
  });
});
