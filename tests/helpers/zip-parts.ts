import { crc32, createDeflateRaw, deflateRawSync } from 'node:zlib';

/**
 * Builds .xlsx files (zip archives) for the import tests, including hostile ones: parts of any
 * unpacked size made from a repeated unit, deflated as a stream so that the test never holds them.
 */
export interface ZipPart {
  name: string;
  /** Raw deflate data. */
  data: Buffer;
  crc: number;
  size: number;
}

export function part(name: string, text: string | Buffer): ZipPart {
  const raw = typeof text === 'string' ? Buffer.from(text, 'utf8') : text;
  return { name, data: deflateRawSync(raw), crc: crc32(raw), size: raw.length };
}

/** A part that unpacks to `head`, then `unit` `count` times, then `tail` (e.g. a gibibyte of zeros). */
export async function repeatedPart(name: string, head: string, unit: string | Buffer, count: number, tail: string): Promise<ZipPart> {
  const deflate = createDeflateRaw({ level: 9 });
  const out: Buffer[] = [];
  deflate.on('data', (c: Buffer) => out.push(c));
  const done = new Promise((r) => deflate.on('end', r));
  const u = typeof unit === 'string' ? Buffer.from(unit, 'utf8') : unit;
  // Units are written in batches of about a mebibyte.
  const per = Math.max(1, Math.floor((1024 * 1024) / u.length));
  const batch = Buffer.concat(Array.from({ length: per }, () => u));
  const h = Buffer.from(head, 'utf8');
  const t = Buffer.from(tail, 'utf8');
  let crc = crc32(h);
  deflate.write(h);
  let left = count;
  while (left > 0) {
    const n = Math.min(per, left);
    const chunk = n === per ? batch : batch.subarray(0, n * u.length);
    crc = crc32(chunk, crc);
    if (!deflate.write(chunk)) await new Promise((r) => deflate.once('drain', r));
    left -= n;
  }
  crc = crc32(t, crc);
  deflate.end(t);
  await done;
  return { name, data: Buffer.concat(out), crc, size: h.length + u.length * count + t.length };
}

/** The parts as a zip archive (deflated entries, no data descriptors). */
export function zip(parts: readonly ZipPart[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const p of parts) {
    const name = Buffer.from(p.name, 'utf8');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(p.crc >>> 0, 14);
    local.writeUInt32LE(p.data.length, 18);
    local.writeUInt32LE(p.size >>> 0, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(p.crc >>> 0, 16);
    central.writeUInt32LE(p.data.length, 20);
    central.writeUInt32LE(p.size >>> 0, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, p.data);
    centrals.push(central, name);
    offset += 30 + name.length + p.data.length;
  }
  const dir = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(dir.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, dir, end]);
}

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** One sheet row of text cells (inline strings). */
export const sheetRow = (r: number, cells: readonly string[]): string =>
  `<row r="${r}">${cells.map((c) => `<c t="inlineStr"><is><t>${escape(c)}</t></is></c>`).join('')}</row>`;

export const SHEET_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">';

/** The parts of a workbook around a given sheet part (`xl/worksheets/sheet1.xml`). */
export function workbookParts(sheet: ZipPart): ZipPart[] {
  return [
    part('[Content_Types].xml', '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Default Extension="png" ContentType="image/png"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>'),
    part('_rels/.rels', '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>'),
    part('xl/workbook.xml', '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Agenda" sheetId="1" r:id="rId1"/></sheets></workbook>'),
    part('xl/_rels/workbook.xml.rels', '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>'),
    sheet,
  ];
}

/** A small valid agenda sheet: one session, two items. */
export const AGENDA_ROWS: readonly (readonly string[])[] = [
  ['session', 'session_start', 'session_end', 'title', 'duration', 'language'],
  ['Opening', '09:00', '10:00', 'Welcome', '10', 'en'],
  ['Opening', '', '', 'Keynote', '30', 'en'],
];

export const agendaSheet = (): ZipPart =>
  part('xl/worksheets/sheet1.xml', `${SHEET_HEAD}<sheetData>${AGENDA_ROWS.map((r, i) => sheetRow(i + 1, r)).join('')}</sheetData></worksheet>`);
