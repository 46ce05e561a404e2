/** What `GET /api/v1/report/links` answers: same-origin paths, each carrying the read-only view token. */
export interface DownloadLinks {
  /** The HTML link takes `&lang=en|zh` appended. */
  report: { html: string; csv: string; json: string };
  export: { csv: string; xlsx: string; json: string };
}
