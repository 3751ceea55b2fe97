// Stands in for HubSpot's extension worker globals. The SDK reads `self` when the
// card script loads and only talks to the host when __HUBSPOT_EXTENSION_WORKER__
// is true, so everything here must exist before /assets/card.js runs.
import * as React from 'react';
import * as ReactDOM from 'react-dom';
import * as RemoteUI from '@remote-ui/react';
import { getContactProperties, runFunction } from './api.ts';

export interface HostAlert { type?: string | undefined; title?: string | undefined; message: string }

export interface CardSession {
  contactId: string;
  context: Record<string, unknown>;
  actions: Record<string, (...args: never[]) => unknown>;
  /** useCrmProperties' update callback: called again when the record is refreshed. */
  subscribe(names: string[], callback: PropertiesCallback): () => void;
  /** Re-reads every property subscription from the backend (refreshObjectProperties). */
  refresh(): Promise<void>;
  dispose(): void;
}

type Extension = (api: Record<string, unknown>) => React.ReactElement;
type PropertiesCallback = (properties: Record<string, string | null>) => void;

export interface SessionHooks {
  onAlert(alert: HostAlert): void;
  /** After the card asked HubSpot to refresh the record (the list shows new tiers too). */
  onRecordChanged(contactId: string): void;
}

let active: CardSession | null = null;
let registered: Extension | null = null;
const waiting: ((extension: Extension) => void)[] = [];

/** Resolves with the card's render callback once the card script called hubspot.extend. */
export function whenExtensionRegistered(): Promise<Extension> {
  return registered ? Promise.resolve(registered) : new Promise((resolve) => waiting.push(resolve));
}

const jsonResponse = (body: unknown) => ({ ok: true, status: 200, json: async () => body });
const unsupported = (what: string) => async () => jsonResponse({ error: `${what} is not available in the local preview` });

function requireSession(): CardSession {
  if (!active) throw new Error('No card is mounted');
  return active;
}

/** Re-reads the mounted card's properties, as HubSpot does when the record changes. */
export function refreshActiveCard(): Promise<void> {
  return active ? active.refresh() : Promise.resolve();
}

export function openSession(contactId: string, hooks: SessionHooks): CardSession {
  const listeners = new Set<{ names: string[]; callback: PropertiesCallback }>();
  const subscribe = (names: string[], callback: PropertiesCallback) => {
    const entry = { names, callback };
    listeners.add(entry);
    return () => { listeners.delete(entry); };
  };
  const refresh = async () => {
    await Promise.all([...listeners].map(async ({ names, callback }) => callback(await getContactProperties(contactId, names))));
    hooks.onRecordChanged(contactId);
  };
  const say = (message: string) => hooks.onAlert({ type: 'info', title: 'Not in the preview', message });
  const actions: CardSession['actions'] = {
    addAlert: (alert: HostAlert) => hooks.onAlert(alert),
    refreshObjectProperties: () => { void refresh().catch((error: Error) => hooks.onAlert({ type: 'danger', title: 'Refresh failed', message: error.message })); },
    reloadPage: () => { void refresh(); },
    fetchCrmObjectProperties: (names: string[] | '*') => getContactProperties(contactId, names === '*' ? [] : names),
    onCrmPropertiesUpdate: (names: string[] | '*', callback: PropertiesCallback) => { subscribe(names === '*' ? [] : names, callback); },
    openIframeModal: () => say('Iframe modals open only inside HubSpot.'),
    copyTextToClipboard: (text: string) => navigator.clipboard.writeText(text),
    closeOverlay: () => undefined,
    navigateToPage: () => say('Page navigation works only inside HubSpot.'),
  };
  const context = {
    location: 'crm.record.sidebar',
    crm: { objectId: Number(contactId), objectTypeId: '0-1' },
    user: { id: 1, email: 'preview@localhost', firstName: 'Local', lastName: 'Preview', locale: 'en-us', teams: [], permissions: [] },
    portal: { id: 0, timezone: 'UTC', dataHostingLocation: 'local' },
    extension: { appId: 0, appName: 'Lead Decisions (preview)', cardTitle: 'Lead decision' },
  };
  const session: CardSession = {
    contactId, context, actions, subscribe, refresh,
    dispose: () => { listeners.clear(); if (active === session) active = null; },
  };
  active = session;
  return session;
}

export function installSdkGlobals(): void {
  const api = () => ({ context: requireSession().context, actions: requireSession().actions, runServerlessFunction });
  const runServerlessFunction = async ({ name, parameters }: { name: string; parameters?: Record<string, unknown> }) =>
    ({ status: 'SUCCESS', response: await runFunction(name, requireSession().contactId, parameters ?? {}) });
  Object.assign(self, {
    React,
    ReactDOM,
    RemoteUI,
    __HUBSPOT_EXTENSION_WORKER__: true,
    extend_V2: (render: Extension) => {
      registered = render;
      waiting.splice(0).forEach((resolve) => resolve(render));
    },
    // hubspot.serverless: resolves with the function's return value, rejects on error.
    serverless: (name: string, options: { parameters?: Record<string, unknown> } = {}) =>
      runFunction(name, requireSession().contactId, options.parameters ?? {}),
    hsFetch: (url: string, options?: RequestInit) => fetch(url, options),
    logger: { debug: console.debug, info: console.info, warn: console.warn, error: console.error },
    hsWorkerAPI: {
      useExtensionContext: () => requireSession().context,
      useExtensionActions: () => requireSession().actions,
      useExtensionApi: api,
      useAppPageLocation: () => ({ pathname: '/', params: {} }),
      // The SDK wants { json() → { data, cleanup } } with string|null values only.
      fetchCrmProperties: async (names: string[], onUpdate: PropertiesCallback) => {
        const session = requireSession();
        try {
          const data = await getContactProperties(session.contactId, names);
          return jsonResponse({ data, cleanup: session.subscribe(names, onUpdate) });
        } catch (error) {
          return jsonResponse({ error: error instanceof Error ? error.message : 'Properties could not be read' });
        }
      },
      fetchAssociations: unsupported('useAssociations'),
      fetchCrmSearch: unsupported('useCrmSearch'),
      fetchHubSpotApi: unsupported('The HubSpot API client'),
      formatCrmProperties: unsupported('formatCrmProperties'),
    },
  });
}
