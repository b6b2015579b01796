// The report's only stylesheet, inlined. Light backgrounds only (it gets printed), system fonts
// only (no web fonts: the page loads nothing), A4 print rules so cards never split across pages.
export const REPORT_CSS = `
:root { --ink: #1d2430; --muted: #5d6978; --line: #d5dbe3; --navy: #1f3a5f; --paper: #ffffff; --tint: #f3f5f8;
  --confirmed: #b3261e; --open: #d98e04; --dismissed: #9aa3ad; --mark: #ffe27a; }
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { margin: 0; background: var(--paper); color: var(--ink); font: 14px/1.5 "Segoe UI", "Noto Sans", "DejaVu Sans", "Liberation Sans", Arial, sans-serif, "Noto Color Emoji", "Apple Color Emoji", "Segoe UI Emoji"; }
main { max-width: 980px; margin: 0 auto; padding: 28px 32px 40px; }
h1 { font-size: 26px; line-height: 1.2; margin: 2px 0 14px; color: var(--navy); }
h2 { font-size: 18px; color: var(--navy); margin: 30px 0 12px; padding-bottom: 5px; border-bottom: 2px solid var(--navy); break-after: avoid; }
h3 { font-size: 16px; margin: 2px 0 0; }
.muted { color: var(--muted); }
.mono { font-family: "DejaVu Sans Mono", "Liberation Mono", Consolas, monospace; font-size: 0.86em; overflow-wrap: anywhere; }
.doc-head { border-top: 6px solid var(--navy); padding-top: 14px; }
.doc-kind { text-transform: uppercase; letter-spacing: 0.08em; font-size: 12px; font-weight: 600; color: var(--muted); }
.meta { display: grid; grid-template-columns: repeat(auto-fill, minmax(210px, 1fr)); gap: 8px 20px; margin: 0 0 14px; }
.meta dt, .fact dt { font-size: 11px; text-transform: uppercase; letter-spacing: 0.05em; color: var(--muted); }
.meta dd, .fact dd { margin: 0; }
.chain { border: 1px solid var(--navy); border-left-width: 6px; padding: 10px 14px; background: var(--tint); }
.chain .mono { font-size: 13px; display: block; margin-top: 2px; }
.tiles { display: grid; grid-template-columns: repeat(5, 1fr); gap: 10px; margin-bottom: 16px; }
.tile { border: 1px solid var(--line); border-radius: 4px; padding: 10px 12px; }
.tile .num { font-size: 26px; font-weight: 700; color: var(--navy); line-height: 1.1; }
.tile .num.small { font-size: 14px; font-weight: 600; line-height: 1.35; }
.tile .lbl { font-size: 12px; color: var(--muted); }
.split { display: grid; grid-template-columns: 1fr 1fr 1.3fr; gap: 16px; align-items: start; }
table { border-collapse: collapse; width: 100%; font-size: 13px; }
th, td { text-align: left; padding: 5px 8px; border-bottom: 1px solid var(--line); vertical-align: top; }
th { font-size: 11px; text-transform: uppercase; letter-spacing: 0.04em; color: var(--muted); border-bottom: 2px solid var(--line); }
td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; }
tr.subtotal td { font-weight: 600; background: var(--tint); }
tr.total td { font-weight: 700; border-top: 2px solid var(--navy); }
thead { display: table-header-group; }
tr { break-inside: avoid; }
.compare table { font-size: 12.5px; }
.compare th { letter-spacing: 0; padding: 5px 5px; }
.compare td { padding: 5px 5px; }
.compare td.n:last-child { white-space: nowrap; }
.share { display: inline-block; width: 40px; height: 8px; background: #e6e9ee; margin-right: 6px; vertical-align: middle; }
.share i { display: block; height: 100%; background: var(--confirmed); }
.verify { border: 1px dashed var(--navy); padding: 10px 14px; font-size: 13px; break-inside: avoid; }
.verify h3 { font-size: 14px; margin: 0 0 6px; color: var(--navy); }
.verify p { margin: 4px 0; }
.verify code { display: block; font-family: "DejaVu Sans Mono", "Liberation Mono", monospace; background: var(--tint); padding: 4px 8px; margin: 2px 0 6px; }
.swatch { display: inline-block; width: 11px; height: 11px; border-radius: 2px; vertical-align: -1px; margin-right: 4px; }
.legend { display: flex; gap: 18px; font-size: 12px; color: var(--muted); margin-bottom: 6px; }
.chart-box { margin: 0 0 18px; break-inside: avoid; }
.chart-box figcaption { font-weight: 600; font-size: 14px; margin-bottom: 4px; }
.chart { display: block; }
.chart text { font-size: 12px; fill: var(--ink); }
.chart text.tick { font-size: 11px; fill: var(--muted); }
.chart text.value { font-weight: 600; }
.chart text.zero { fill: var(--dismissed); font-weight: 400; }
.chart .axis { stroke: #8893a0; stroke-width: 1; }
.chart .grid { stroke: #e3e7ec; stroke-width: 1; }
.bar-confirmed, .swatch.confirmed { fill: var(--confirmed); background: var(--confirmed); }
.bar-open, .swatch.open { fill: var(--open); background: var(--open); }
.bar-dismissed, .swatch.dismissed { fill: var(--dismissed); background: var(--dismissed); }
.card { border: 1px solid var(--line); border-left: 5px solid var(--open); border-radius: 4px; padding: 12px 16px 10px; margin: 0 0 16px; break-inside: avoid; page-break-inside: avoid; }
.card.status-confirmed { border-left-color: var(--confirmed); }
.card.status-dismissed { border-left-color: var(--dismissed); }
.card-head { display: flex; justify-content: space-between; gap: 12px; align-items: flex-start; border-bottom: 1px solid var(--line); padding-bottom: 8px; margin-bottom: 10px; }
.kicker { font-size: 12px; color: var(--muted); font-weight: 600; }
.badges { display: flex; gap: 6px; flex-shrink: 0; }
.badge { display: inline-block; font-size: 11px; font-weight: 700; text-transform: uppercase; letter-spacing: 0.04em; padding: 1px 7px; border-radius: 3px; border: 1px solid currentColor; white-space: nowrap; }
.badge.status-confirmed { color: var(--confirmed); }
.badge.status-open { color: #9a6500; }
.badge.status-dismissed { color: #6b7480; }
.badge.sev-high { color: #fff; background: var(--confirmed); border-color: var(--confirmed); }
.badge.sev-medium { color: #7a4f00; background: #fff1cf; border-color: #e2b64c; }
.badge.sev-low { color: #2d4a6b; background: #e8eef6; border-color: #9cb0c8; }
.badge.sev-info { color: #5d6978; }
.card-body { display: flex; gap: 16px; }
.card-main { flex: 1; min-width: 0; }
.facts { display: grid; grid-template-columns: 1fr 1fr; gap: 6px 18px; margin: 0 0 8px; }
.facts .fact:has(.url), .legal .fact { grid-column: 1 / -1; }
.legal { display: block; border-top: 1px solid var(--line); padding-top: 8px; margin-top: 8px; }
.legal .fact { display: grid; grid-template-columns: 150px 1fr; gap: 10px; padding: 2px 0; }
.legal ul { margin: 0; padding-left: 18px; }
.post { margin: 6px 0 6px; padding: 8px 12px; border-left: 3px solid var(--line); background: var(--tint); white-space: pre-wrap; overflow-wrap: anywhere; }
.caption, .terms { margin: 4px 0; }
img.emoji { height: 1.15em; width: auto; vertical-align: -0.2em; margin: 0 0.05em; }
mark { background: var(--mark); color: inherit; padding: 0 1px; border-radius: 2px; box-shadow: 0 0 0 1px #e8c547; }
.thumb { margin: 0; width: 170px; flex-shrink: 0; }
.thumb img { width: 100%; height: auto; max-height: 200px; object-fit: contain; border: 1px solid var(--line); background: var(--tint); }
.thumb svg.photo { width: 100%; height: auto; max-height: 200px; border: 1px solid var(--line); background: var(--tint); }
.thumb .region { fill: none; stroke: #e53935; }
.thumb figcaption { font-size: 11px; color: var(--muted); text-align: center; }
.card-foot { border-top: 1px solid var(--line); margin-top: 8px; padding-top: 6px; font-size: 12px; display: grid; gap: 1px; }
.empty { padding: 18px; border: 1px dashed var(--line); color: var(--muted); text-align: center; }
.doc-foot { margin-top: 28px; padding-top: 10px; border-top: 1px solid var(--line); font-size: 12px; color: var(--muted); }
nav.pages { display: flex; flex-wrap: wrap; gap: 6px 14px; font-size: 13px; margin: 0 0 10px; }
nav.pages a, .links a { color: var(--navy); }
.scroll { overflow-x: auto; }
.subject-index td.who { min-width: 190px; }
.subject-index td.zero { color: var(--dismissed); }
.subject-index td.period { white-space: nowrap; }
.links a { display: inline-block; padding: 0 4px; border: 1px solid var(--line); border-radius: 3px; margin: 0 2px 2px 0; text-decoration: none; }
.attest table { font-size: 13px; }
.attest th { width: 32%; text-transform: none; letter-spacing: 0; font-size: 12px; }
.attest code { font-family: "DejaVu Sans Mono", "Liberation Mono", monospace; font-size: 12px; background: var(--tint); padding: 1px 4px; overflow-wrap: anywhere; }
.attest .sign { margin: 10px 0 2px; font-size: 13px; }
.attest .sign-line { border-bottom: 1px solid var(--ink); height: 28px; }
.group { border-left: 3px solid var(--line); padding-left: 10px; margin: 0 0 16px; }
.group-head { font-size: 13px; color: var(--muted); margin: 0 0 8px; }
.notes { margin: 4px 0 0; padding-left: 18px; font-size: 13px; }
/* phone width (~390 px): one column, nothing wider than the screen */
@media screen and (max-width: 640px) {
  main { padding: 14px 12px 28px; }
  h1 { font-size: 21px; }
  .tiles { grid-template-columns: repeat(2, 1fr); }
  .split, .facts { grid-template-columns: 1fr; }
  .meta { grid-template-columns: 1fr; }
  .card { padding: 10px 10px 8px; }
  .card-head { flex-direction: column; }
  .card-body { flex-direction: column; }
  .thumb { width: 100%; max-width: 240px; }
  .legal .fact { grid-template-columns: 1fr; gap: 0; }
  .chart { width: 100%; height: auto; }
  .compare { overflow-x: auto; }
  .attest th { width: auto; }
}
@page { size: A4; margin: 14mm 12mm 16mm; }
@media print {
  body { font-size: 10pt; }
  main { max-width: none; padding: 0; }
  h2 { margin-top: 18px; }
  .cards > h2 { break-before: page; }
  .tiles { grid-template-columns: repeat(5, 1fr); }
}
`;
