/** A file beyond one of the import's bounds (IMPORT_LIMITS): refused, with what was exceeded. */
export class ImportLimitError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ImportLimitError';
  }
}

/** A file that is not what its format says (not a zip, a part missing). */
export class NotAWorkbookError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'NotAWorkbookError';
  }
}
