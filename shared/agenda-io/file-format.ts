import type { ImportFormat } from './import-types';

/** File extensions each import format is read from. */
export const IMPORT_EXTENSIONS: Record<ImportFormat, readonly string[]> = {
  csv: ['csv', 'tsv', 'txt'],
  xlsx: ['xlsx'],
  json: ['json'],
  yaml: ['yaml', 'yml'],
};

/** The import format of a file, by its name's extension; null when it is none of them. */
export function formatOfFileName(name: string): ImportFormat | null {
  const ext = /\.([a-z0-9]+)$/i.exec(name)?.[1]?.toLowerCase();
  if (ext === undefined) return null;
  for (const [format, exts] of Object.entries(IMPORT_EXTENSIONS)) if (exts.includes(ext)) return format as ImportFormat;
  return null;
}

/** For a file picker's `accept`. */
export const IMPORT_ACCEPT = Object.values(IMPORT_EXTENSIONS)
  .flat()
  .map((e) => `.${e}`)
  .join(',');
