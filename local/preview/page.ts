// The preview page: a contact list on the left, the card in a HubSpot-like sidebar
// frame on the right. The host script must run before the card script.

/** What the server offers beyond the card; the page reads it from #app's data attributes. */
export interface PageCapabilities { simulateActivity: boolean; autoRescore?: boolean }

export function previewPage(title: string, capabilities: PageCapabilities = { simulateActivity: false }): string {
  const safeTitle = title.replace(/[<>&"]/g, (c) => `&#${c.charCodeAt(0)};`);
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${safeTitle}</title>
<link rel="stylesheet" href="/assets/preview.css">
</head>
<body>
<div id="app" data-testid="preview-app"${capabilities.simulateActivity ? ' data-simulate-activity="true"' : ''}${capabilities.autoRescore ? ' data-auto-rescore="true"' : ''}></div>
<script src="/assets/host.js"></script>
<script src="/assets/card.js"></script>
</body>
</html>`;
}

export const PREVIEW_CSS = `
:root { --ink:#33475b; --muted:#516f90; --line:#cbd6e2; --bg:#f5f8fa; --brand:#ff7a59; --link:#0091ae;
  --success:#00bda5; --warning:#f5c26b; --danger:#f2545b; --info:#7fd1de; font-family: "Lexend Deca", Helvetica, Arial, sans-serif; color: var(--ink); }
* { box-sizing: border-box; }
body { margin: 0; background: var(--bg); font-size: 14px; }
.layout { display: grid; grid-template-columns: 320px 1fr; min-height: 100vh; }
.contacts { border-right: 1px solid var(--line); background: #fff; display: flex; flex-direction: column; }
.contacts header { padding: 16px; border-bottom: 1px solid var(--line); }
.contacts h1 { font-size: 16px; margin: 0 0 8px; }
.contacts input { width: 100%; padding: 8px 10px; border: 1px solid var(--line); border-radius: 3px; font: inherit; }
.contact-list { list-style: none; margin: 0; padding: 0; overflow-y: auto; }
.list-controls { display: flex; gap: 8px; margin-top: 8px; } .list-controls select { flex: 1; padding: 6px; border: 1px solid var(--line); border-radius: 3px; font: inherit; }
.list-count { display: block; margin-top: 6px; color: var(--muted); font-size: 12px; } .contact-list .more { padding: 12px 16px; text-align: center; }
.report-links { display: flex; gap: 12px; margin-top: 8px; font-size: 12px; } .report-links a { color: var(--link); }
.contact-item { padding: 10px 16px; border-bottom: 1px solid #eaf0f6; cursor: pointer; display: grid; grid-template-columns: 1fr auto; gap: 2px 8px; }
.contact-item:hover { background: #f5f8fa; }
.contact-item[aria-selected="true"] { background: #e5f5f8; border-left: 3px solid var(--link); }
.contact-item .email { color: var(--muted); font-size: 12px; grid-column: 1; }
.contact-item .meta { grid-row: 1 / span 2; grid-column: 2; align-self: center; text-align: right; font-size: 12px; color: var(--muted); }
.record { padding: 24px; display: flex; flex-direction: column; gap: 16px; align-items: flex-start; }
.alerts { width: 380px; display: flex; flex-direction: column; gap: 8px; }
.page-alert { border-radius: 3px; padding: 10px 12px; border-left: 4px solid var(--info); background: #fff; box-shadow: 0 1px 3px rgba(0,0,0,.1); position: relative; }
.page-alert[data-alert-type="success"] { border-color: var(--success); } .page-alert[data-alert-type="warning"] { border-color: var(--warning); }
.page-alert[data-alert-type="danger"] { border-color: var(--danger); }
.page-alert strong { display: block; margin-bottom: 2px; } .page-alert button { position: absolute; top: 6px; right: 8px; border: 0; background: none; cursor: pointer; color: var(--muted); }
.record-row { display: flex; gap: 16px; align-items: flex-start; flex-wrap: wrap; }
.activity-panel { width: 260px; background: #fff; border: 1px dashed var(--line); border-radius: 4px; font-size: 13px; }
.activity-panel > header { padding: 12px 16px; border-bottom: 1px dashed var(--line); font-weight: 600; display: flex; justify-content: space-between; align-items: baseline; }
.activity-panel > header small { color: var(--muted); font-weight: 400; font-size: 12px; }
.activity-panel > p, .activity-panel > dl, .activity-panel__actions { margin: 12px 16px; }
.activity-panel__intro { color: var(--muted); font-size: 12px; line-height: 1.5; }
.activity-panel__actions { display: flex; flex-direction: column; gap: 8px; } .activity-panel__actions .hs-button { text-align: left; }
.activity-panel__counts { display: grid; grid-template-columns: 1fr auto; gap: 4px 8px; } .activity-panel__counts > div { display: contents; }
.activity-panel__counts dt { color: var(--muted); } .activity-panel__counts dd { margin: 0; text-align: right; font-variant-numeric: tabular-nums; }
.activity-panel .nowrap { white-space: nowrap; }
.activity-panel__hint { border-left: 4px solid var(--success); background: #e5f8f6; padding: 8px 10px; line-height: 1.4; }
.activity-panel__error { border-left: 4px solid var(--danger); background: #fde8e9; padding: 8px 10px; line-height: 1.4; }
.sidebar-card { width: 380px; background: #fff; border: 1px solid var(--line); border-radius: 4px; }
.sidebar-card > header { padding: 12px 16px; border-bottom: 1px solid var(--line); font-weight: 600; display: flex; justify-content: space-between; }
.sidebar-card > header small { color: var(--muted); font-weight: 400; }
.sidebar-card > .card-body { padding: 16px; }
.placeholder { color: var(--muted); padding: 16px; }
.hs-text { margin: 0; line-height: 1.5; } .hs-text--microcopy { font-size: 12px; color: var(--muted); } .hs-text--inline { display: inline; }
.hs-heading { font-size: 14px; margin: 0; font-weight: 600; }
.hs-tag { display: inline-block; padding: 2px 8px; border-radius: 3px; font-size: 12px; background: #eaf0f6; border: 1px solid var(--line); white-space: nowrap; }
.hs-tag--success { background: #e5f8f6; border-color: var(--success); } .hs-tag--warning { background: #fef8f0; border-color: var(--warning); }
.hs-tag--error, .hs-tag--danger { background: #fde8e9; border-color: var(--danger); } .hs-tag--info { background: #e5f5f8; border-color: var(--info); }
.hs-status-tag { font-size: 12px; white-space: nowrap; display: inline-flex; align-items: center; gap: 4px; }
.hs-status-tag::before { content: ""; width: 8px; height: 8px; border-radius: 50%; background: var(--line); }
.hs-status-tag--success::before { background: var(--success); } .hs-status-tag--warning::before { background: var(--warning); }
.hs-status-tag--danger::before { background: var(--danger); } .hs-status-tag--info::before { background: var(--info); }
.hs-statistics { display: flex; gap: 16px; } .hs-stat [data-role="label"] { font-size: 12px; color: var(--muted); text-transform: uppercase; }
.hs-stat [data-role="number"] { font-size: 24px; font-weight: 300; }
.hs-dl { margin: 0; display: flex; flex-direction: column; gap: 6px; } .hs-dl > div { display: grid; grid-template-columns: 110px 1fr; gap: 8px; }
.hs-dl dt { color: var(--muted); font-size: 12px; } .hs-dl dd { margin: 0; }
.hs-button { font: inherit; padding: 6px 12px; border-radius: 3px; border: 1px solid var(--link); background: #fff; color: var(--link); cursor: pointer; }
.hs-button--primary { background: var(--brand); border-color: var(--brand); color: #fff; } .hs-button--destructive { border-color: var(--danger); color: var(--danger); }
.hs-button--transparent { border-color: transparent; } .hs-button[disabled] { opacity: .6; cursor: default; } .hs-button--sm, .hs-button--xs { padding: 4px 10px; font-size: 12px; }
.hs-spinner { color: var(--muted); display: flex; gap: 6px; align-items: center; } .hs-spinner::before, .hs-button[data-loading="true"]::before {
  content: ""; width: 12px; height: 12px; border: 2px solid currentColor; border-right-color: transparent; border-radius: 50%; display: inline-block; animation: spin .8s linear infinite; margin-right: 4px; vertical-align: -2px; }
@keyframes spin { to { transform: rotate(360deg); } }
.hs-empty, .hs-error { text-align: center; display: flex; flex-direction: column; gap: 8px; align-items: center; padding: 8px; }
.hs-empty h4, .hs-error h4 { margin: 0; } .hs-error h4 { color: var(--danger); }
.hs-alert { border-left: 4px solid var(--info); padding: 8px 10px; background: #f5f8fa; }
.hs-divider { border: 0; border-top: 1px solid var(--line); margin: 4px 0; width: 100%; }
.hs-table { border-collapse: collapse; width: 100%; font-size: 12px; } .hs-table th, .hs-table td { text-align: left; padding: 4px 6px; border-bottom: 1px solid #eaf0f6; vertical-align: top; }
.hs-progress { height: 6px; background: #eaf0f6; border-radius: 3px; overflow: hidden; } .hs-progress > div { height: 100%; background: var(--success); }
.hs-score-circle { width: 48px; height: 48px; border-radius: 50%; border: 3px solid var(--success); display: grid; place-items: center; font-weight: 600; }
.hs-unknown { border: 1px dashed var(--danger); padding: 4px; font-size: 12px; }
.hs-link { color: var(--link); }
`;
