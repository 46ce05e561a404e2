/**
 * The bounds of an import (docs/agenda-format.md#limits, docs/security.md#attack--result). An agenda
 * file arrives from outside (by email): whatever it holds, reading it must stay small and short.
 * Real agendas are far inside every one of these.
 */
export const IMPORT_LIMITS = {
  /** Rows of a sheet or CSV file (blank ones count); over it the file is refused before its cells are read. */
  rows: 10_000,
  /** Columns read from a row; cells further right are ignored. */
  columns: 256,
  /** Characters of one spreadsheet row (its XML, or a CSV record). */
  rowChars: 1024 * 1024,
  /** Decompressed bytes of one workbook part that is read (the sheet, the shared strings, the styles…). */
  xlsxEntryBytes: 16 * 1024 * 1024,
  /** Decompressed bytes of all the parts read together. */
  xlsxTotalBytes: 32 * 1024 * 1024,
  /** Entries a workbook's zip directory may list. */
  xlsxEntries: 10_000,
  /** Nesting depth of a JSON or YAML file (an agenda needs 5). */
  depth: 32,
  /** YAML aliases (`*name`) one file may use. */
  yamlAliases: 100,
  /** Errors (and, separately, warnings) an answer lists; the rest are counted in a last "and N more". */
  problems: 100,
  /** The parse of one file runs in a worker at most this long. */
  parseMs: 10_000,
  /** The parse worker's heap. */
  workerHeapMb: 96,
} as const;
