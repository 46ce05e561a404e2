import { StringDecoder } from 'node:string_decoder';
import { createInflateRaw } from 'node:zlib';
import { IMPORT_LIMITS } from '../../shared/agenda-io/import-limits';
import { ImportLimitError, NotAWorkbookError } from './import-limit-error';

/**
 * Reads named entries of a zip file (an .xlsx) held in memory, one at a time, as a stream: each
 * entry is inflated chunk by chunk and its decompressed bytes are counted against a cap per entry
 * and a budget shared by every entry read. Entries never asked for (images in `xl/media`, other
 * sheets, drawings) are never decompressed. The sizes the zip declares are not trusted.
 */
export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  localOffset: number;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const KiB = 1024;
const MiB = 1024 * 1024;

const size = (bytes: number) => (bytes >= MiB ? `${Math.round(bytes / MiB)} MiB` : `${Math.round(bytes / KiB)} KiB`);

/** The entries of the zip's central directory, by name. */
export function zipDirectory(bytes: Buffer): Map<string, ZipEntry> {
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i -= 1) {
    if (bytes.readUInt32LE(i) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new NotAWorkbookError('not a zip file');
  const count = bytes.readUInt16LE(eocd + 10);
  const offset = bytes.readUInt32LE(eocd + 16);
  if (count > IMPORT_LIMITS.xlsxEntries) throw new ImportLimitError(`the workbook holds ${count} parts; at most ${IMPORT_LIMITS.xlsxEntries} are read`);
  const entries = new Map<string, ZipEntry>();
  let p = offset;
  for (let n = 0; n < count; n += 1) {
    if (p + 46 > bytes.length || bytes.readUInt32LE(p) !== CENTRAL) throw new NotAWorkbookError('the zip directory is damaged');
    const nameLength = bytes.readUInt16LE(p + 28);
    const name = bytes.toString('utf8', p + 46, p + 46 + nameLength);
    entries.set(name.replace(/\\/g, '/'), {
      name,
      method: bytes.readUInt16LE(p + 10),
      compressedSize: bytes.readUInt32LE(p + 20),
      localOffset: bytes.readUInt32LE(p + 42),
    });
    p += 46 + nameLength + bytes.readUInt16LE(p + 30) + bytes.readUInt16LE(p + 32);
  }
  return entries;
}

/** Decompressed bytes left for the whole file. */
export interface InflateBudget {
  left: number;
}

export const newBudget = (): InflateBudget => ({ left: IMPORT_LIMITS.xlsxTotalBytes });

/**
 * Streams one entry's text to `sink`, chunk by chunk. `sink` returns true to stop early (nothing
 * more is inflated). Throws ImportLimitError as soon as the entry passes its cap or the budget.
 */
export async function streamEntry(bytes: Buffer, entry: ZipEntry, budget: InflateBudget, sink: (text: string) => boolean | void): Promise<void> {
  const p = entry.localOffset;
  if (p + 30 > bytes.length || bytes.readUInt32LE(p) !== LOCAL) throw new NotAWorkbookError(`the part ${entry.name} is damaged`);
  const start = p + 30 + bytes.readUInt16LE(p + 26) + bytes.readUInt16LE(p + 28);
  const data = bytes.subarray(start, Math.min(bytes.length, start + entry.compressedSize));
  const decoder = new StringDecoder('utf8');
  let total = 0;
  const take = (chunk: Buffer): boolean => {
    total += chunk.length;
    budget.left -= chunk.length;
    if (total > IMPORT_LIMITS.xlsxEntryBytes) {
      throw new ImportLimitError(`the part ${entry.name} unpacks to more than ${size(IMPORT_LIMITS.xlsxEntryBytes)}; an agenda is far smaller`);
    }
    if (budget.left < 0) throw new ImportLimitError(`the workbook unpacks to more than ${size(IMPORT_LIMITS.xlsxTotalBytes)}; an agenda is far smaller`);
    return sink(decoder.write(chunk)) === true;
  };
  if (entry.method === 0) {
    for (let i = 0; i < data.length; i += 64 * KiB) if (take(data.subarray(i, i + 64 * KiB))) return;
  } else if (entry.method === 8) {
    const inflate = createInflateRaw({ chunkSize: 64 * KiB });
    inflate.end(data);
    try {
      for await (const chunk of inflate) if (take(chunk as Buffer)) return;
    } catch (error) {
      if (error instanceof ImportLimitError) throw error;
      throw new NotAWorkbookError(`the part ${entry.name} is damaged`);
    } finally {
      inflate.destroy();
    }
  } else {
    throw new NotAWorkbookError(`the part ${entry.name} uses a compression this reader does not know`);
  }
  sink(decoder.end());
}

/** One entry's whole text (for the small parts: the workbook, its relations, styles, shared strings). */
export async function readEntryText(bytes: Buffer, entry: ZipEntry, budget: InflateBudget): Promise<string> {
  const parts: string[] = [];
  await streamEntry(bytes, entry, budget, (text) => {
    parts.push(text);
  });
  return parts.join('');
}
