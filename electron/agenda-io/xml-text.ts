import { ImportLimitError } from './import-limit-error';

/**
 * The little XML the workbook reader needs: attributes of one tag, and text with its entities
 * decoded. Spreadsheet parts are machine-written and flat; no DOM is built.
 */

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** Text content with XML entities and OOXML's `_xHHHH_` escapes decoded. */
export function xmlText(raw: string): string {
  return raw
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
      if (name[0] === '#') {
        const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
        return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
      }
      return ENTITIES[name] ?? whole;
    })
    .replace(/_x([0-9a-f]{4})_/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/** Longer than this, a start tag is not one a spreadsheet program writes. */
const MAX_TAG_CHARS = 16 * 1024;

const isNameChar = (c: number) =>
  (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || c === 0x5f || c === 0x3a || c === 0x2e || c === 0x2d || c > 0x7f;
const isSpace = (c: number) => c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;

/**
 * The attributes of a start tag's text (`r="B2" s="1" t="s"`), local names only (`r:id` → `id`).
 * One pass over the text (no regex, which would rescan a long run of name characters from each
 * of its positions); what is not `name="value"` is skipped.
 */
export function attributes(tag: string): Record<string, string> {
  if (tag.length > MAX_TAG_CHARS) throw new ImportLimitError(`a tag of the workbook is longer than ${MAX_TAG_CHARS / 1024} KiB`);
  const out: Record<string, string> = {};
  const n = tag.length;
  let i = 0;
  while (i < n) {
    while (i < n && !isNameChar(tag.charCodeAt(i))) i += 1;
    const nameStart = i;
    while (i < n && isNameChar(tag.charCodeAt(i))) i += 1;
    const name = tag.slice(nameStart, i);
    while (i < n && isSpace(tag.charCodeAt(i))) i += 1;
    if (tag[i] !== '=') continue;
    i += 1;
    while (i < n && isSpace(tag.charCodeAt(i))) i += 1;
    const quote = tag[i];
    if (quote !== '"' && quote !== "'") continue;
    const close = tag.indexOf(quote, i + 1);
    if (close < 0) break;
    const local = name.includes(':') ? name.slice(name.indexOf(':') + 1) : name;
    if (local !== '') out[local] = xmlText(tag.slice(i + 1, close));
    i = close + 1;
  }
  return out;
}

export interface XmlElement {
  /** The start tag's attributes, as text (`r="B2" s="1"`). */
  attrs: string;
  /** What lies between the start and end tags; '' for `<c/>`. */
  inner: string;
}

const NAME_END = new Set([0x20, 0x09, 0x0a, 0x0d, 0x3e, 0x2f]); // space, tab, LF, CR, >, /

/**
 * Every `<name …>…</name>` (or `<name …/>`) in a fragment, in order, found with indexOf: linear in
 * the fragment whatever it holds (a regex with a lazy `[\s\S]*?` rescans to the end from every
 * opening without a close). Elements of the same name must not nest, as in spreadsheet parts.
 * An opening without its close ends the list.
 */
export function* elements(xml: string, name: string): Generator<XmlElement> {
  const open = `<${name}`;
  const close = `</${name}>`;
  let i = xml.indexOf(open);
  while (i >= 0) {
    if (!NAME_END.has(xml.charCodeAt(i + open.length))) {
      i = xml.indexOf(open, i + open.length);
      continue;
    }
    const tagEnd = xml.indexOf('>', i);
    if (tagEnd < 0) return;
    if (xml.charCodeAt(tagEnd - 1) === 0x2f) {
      yield { attrs: xml.slice(i + open.length, tagEnd - 1), inner: '' };
      i = xml.indexOf(open, tagEnd + 1);
      continue;
    }
    const end = xml.indexOf(close, tagEnd + 1);
    if (end < 0) return;
    yield { attrs: xml.slice(i + open.length, tagEnd), inner: xml.slice(tagEnd + 1, end) };
    i = xml.indexOf(open, end + close.length);
  }
}

/** The attribute text of every start tag `<name …>` in a fragment (indexOf, linear like `elements`). */
export function* startTags(xml: string, name: string): Generator<string> {
  const open = `<${name}`;
  for (let i = xml.indexOf(open); i >= 0; i = xml.indexOf(open, i + open.length)) {
    if (!NAME_END.has(xml.charCodeAt(i + open.length))) continue;
    const tagEnd = xml.indexOf('>', i);
    if (tagEnd < 0) return;
    yield xml.slice(i + open.length, xml.charCodeAt(tagEnd - 1) === 0x2f ? tagEnd - 1 : tagEnd);
  }
}

/** The text of every `<t>` in a fragment (a shared string or an inline string), phonetic runs (`<rPh>`) left out. */
export function runText(fragment: string): string {
  let plain = fragment;
  if (fragment.includes('<rPh')) {
    plain = '';
    let from = 0;
    for (let i = fragment.indexOf('<rPh'); i >= 0; i = fragment.indexOf('<rPh', from)) {
      const end = fragment.indexOf('</rPh>', i);
      if (end < 0) break;
      plain += fragment.slice(from, i);
      from = end + '</rPh>'.length;
    }
    plain += fragment.slice(from);
  }
  let out = '';
  for (const t of elements(plain, 't')) out += xmlText(t.inner);
  return out;
}
