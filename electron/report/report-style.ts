import { createHash } from 'node:crypto';

/**
 * The HTML report's stylesheet. The page is self-contained (saved or printed, it needs nothing
 * else), so its CSS is inline; the report route sends its own Content-Security-Policy that allows
 * exactly this <style> element by its SHA-256 hash, and nothing else: no script, no other style,
 * no fonts, images or connections.
 */
export const REPORT_CSS = `
:root {
  --ink: #16181d; --muted: #5d6573; --line: #d9dde4; --soft: #f4f6f9;
  --over: #b42318; --under: #067647; --accent: #1d4ed8;
  color-scheme: light;
  font-family: "Noto Sans SC", "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif;
  color: var(--ink); background: #fff; line-height: 1.35; font-size: 13px;
}
body { margin: 0; }
main { max-width: 1200px; margin: 0 auto; padding: 28px 32px 40px; }
h1 { font-size: 22px; margin: 0 0 4px; line-height: 1.25; }
h2 { font-size: 15px; margin: 28px 0 2px; }
h3 { font-size: 13px; margin: 24px 0 6px; text-transform: uppercase; letter-spacing: .06em; color: var(--muted); }
p { margin: 0; }
.kicker { font-size: 11px; font-weight: 700; letter-spacing: .12em; text-transform: uppercase; color: var(--accent); margin-bottom: 6px; }
.meta { color: var(--muted); }
.meta span + span::before { content: "·"; margin: 0 .5em; }
.note { margin-top: 10px; padding: 8px 12px; border-left: 3px solid var(--accent); background: var(--soft); }
.cards { display: grid; grid-template-columns: repeat(4, minmax(0, 1fr)); gap: 12px; margin: 20px 0 4px; }
.card { border: 1px solid var(--line); border-radius: 8px; padding: 10px 14px; }
.card__label { font-size: 11px; text-transform: uppercase; letter-spacing: .06em; color: var(--muted); }
.card__value { font-size: 20px; font-weight: 700; font-variant-numeric: tabular-nums; margin-top: 2px; }
.card__sub { color: var(--muted); font-size: 12px; font-variant-numeric: tabular-nums; }
.session-meta { color: var(--muted); margin-bottom: 8px; }
table { width: 100%; border-collapse: collapse; font-variant-numeric: tabular-nums; table-layout: fixed; }
col.c-num { width: 3%; } col.c-item { width: 29%; } col.c-time { width: 9.5%; } col.c-dur { width: 6%; }
col.c-over { width: 7.5%; } col.c-paused { width: 7%; } col.c-status { width: 9%; }
td { overflow-wrap: anywhere; }
th { text-align: left; overflow-wrap: anywhere; font-size: 11px; font-weight: 700; color: var(--muted); border-bottom: 1.5px solid var(--ink); padding: 6px 6px; vertical-align: bottom; }
td { border-bottom: 1px solid var(--line); padding: 6px 6px; vertical-align: top; }
tr { break-inside: avoid; }
.num { text-align: right; white-space: nowrap; }
.time { white-space: nowrap; }
.alt { display: block; color: var(--muted); font-size: 11px; font-weight: 400; white-space: nowrap; }
.who { font-weight: 700; }
.what { color: var(--muted); font-size: 12px; }
.over { color: var(--over); font-weight: 700; }
.under { color: var(--under); font-weight: 700; }
.status { display: inline-block; font-size: 11px; padding: 0 6px; border-radius: 999px; border: 1px solid var(--line); color: var(--muted); white-space: nowrap; }
.status--current { border-color: var(--accent); color: var(--accent); font-weight: 700; }
.status--not-reached, .status--skipped { background: var(--soft); }
tr.is-out td { color: var(--muted); }
tr.is-out .who { font-weight: 400; }
tr.is-out .status--skipped { text-decoration: line-through; }
tfoot td { font-weight: 700; border-top: 1.5px solid var(--ink); border-bottom: 0; }
ul.out { margin: 0; padding-left: 18px; }
ul.out li { margin: 2px 0; }
.fineprint { margin-top: 28px; color: var(--muted); font-size: 11px; }
@page { size: A4 landscape; margin: 12mm; }
@media print {
  main { max-width: none; padding: 0; }
  :root { font-size: 10.5px; }
  .card__value { font-size: 16px; }
  h2 { break-after: avoid; }
  thead { display: table-header-group; }
}
@media (max-width: 800px) { .cards { grid-template-columns: repeat(2, minmax(0, 1fr)); } }
`;

export const REPORT_CSS_HASH = `sha256-${createHash('sha256').update(REPORT_CSS, 'utf8').digest('base64')}`;

/** The report page's own policy: its one inline stylesheet, nothing else. */
export const REPORT_CSP = [
  "default-src 'none'",
  `style-src '${REPORT_CSS_HASH}'`,
  "img-src 'none'",
  "script-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');
