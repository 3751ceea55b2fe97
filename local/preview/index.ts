// The local card preview served by `lead-decisions dev`: the unmodified card code,
// rendered in a browser page by a remote-ui host that stands in for HubSpot.
export type { ActivityCounts, ActivityKind, ContactListPage, ContactListRequest, ListSort, PreviewBackend, PreviewContact, TierFilter } from './backend.ts';
export { ACTIVITY_KINDS, PAGE_VIEWS_PER_VISIT, UnknownFunctionError, placeholderId } from './backend.ts';
export { createPreviewApp, type PreviewAppOptions } from './app.ts';
export { startPreviewServer, type PreviewServer, type PreviewServerOptions } from './server.ts';
export { buildPreviewBundles, type PreviewBundles } from './bundles.ts';
