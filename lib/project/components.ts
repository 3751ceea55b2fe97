// The webhooks and workflow-action components, generated from one setting (the URL where
// `lead-decisions serve` runs) and from the engine's own property lists, so the subscriptions
// cannot drift from what the engine reads. `npm run configure:service-url -- https://…` writes them.
import { ACTIVITY_HISTORY_PROPERTIES } from '../core/activity-properties.ts';
import { CONTACT_INPUT_PROPERTIES, CONTRACT_PROPERTIES } from '../core/contract.ts';
import { DECISION_OUTPUT_FIELDS } from '../core/decision-outputs.ts';

export const WEBHOOKS_FILE = 'app/webhooks/webhooks-hsmeta.json';
export const DECIDE_ACTION_FILE = 'app/workflow-actions/decide-hsmeta.json';
export const WEBHOOKS_PATH = '/webhooks/hubspot';
export const DECIDE_PATH = '/workflow-actions/decide';
/** Until an admin sets the real one: a URL that is valid but obviously not deployed. */
export const PLACEHOLDER_SERVICE_URL = 'https://lead-decisions.example.com';
/** HubSpot's minimum is 5; ten keeps a storm flowing without swamping one small instance. */
export const MAX_CONCURRENT_REQUESTS = 10;

/**
 * Properties the engine reads that deliberately get no webhook, and why. Every other input
 * property is subscribed (the check fails if one is neither).
 */
export const NOT_SUBSCRIBED: Readonly<Record<string, string>> = {
  lastmodifieddate: 'changes on every write, ours included: subscribing would re-score in a loop',
  createdate: 'set once at creation, which object.creation already reports',
  // `serve` drops changes to these as echoes of its own writes (phone included: it is rewritten to E.164).
  ...Object.fromEntries(CONTRACT_PROPERTIES.map((p) => [p, 'written by Lead Decisions itself: a change is our own decision coming back'])),
};

/** The contact properties whose changes trigger a re-score, in the engine's order, without repeats. */
export function subscribedProperties(): string[] {
  return [...new Set([...CONTACT_INPUT_PROPERTIES, ...ACTIVITY_HISTORY_PROPERTIES])].filter((p) => !(p in NOT_SUBSCRIBED));
}

/** The service's base URL: https, no trailing slash, no query. Returns a reason when it is not usable. */
export function parseServiceUrl(raw: string): { ok: true; url: string } | { ok: false; message: string } {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return { ok: false, message: `"${raw}" is not a URL` };
  }
  if (url.protocol !== 'https:') return { ok: false, message: `HubSpot calls only https URLs; "${raw}" is ${url.protocol.replace(':', '')}` };
  if (url.search || url.hash) return { ok: false, message: `the service URL takes no query or fragment: "${raw}"` };
  return { ok: true, url: url.toString().replace(/\/+$/, '') };
}

export function webhooksComponent(serviceUrl: string) {
  return {
    uid: 'lead_decisions_webhooks',
    type: 'webhooks',
    config: {
      settings: { targetUrl: `${serviceUrl}${WEBHOOKS_PATH}`, maxConcurrentRequests: MAX_CONCURRENT_REQUESTS },
      subscriptions: {
        crmObjects: [
          { subscriptionType: 'object.creation', objectType: 'contact', active: true },
          ...subscribedProperties().map((propertyName) => ({ subscriptionType: 'object.propertyChange', objectType: 'contact', propertyName, active: true })),
        ],
      },
    },
  };
}

export function decideActionComponent(serviceUrl: string) {
  const outputLabels = Object.fromEntries(DECISION_OUTPUT_FIELDS.map((f) => [f.name, f.label]));
  return {
    uid: 'decide_lead',
    type: 'workflow-action',
    config: {
      actionUrl: `${serviceUrl}${DECIDE_PATH}`,
      isPublished: true,
      supportedClients: [{ client: 'WORKFLOWS' }],
      inputFields: [
        {
          // The service decides the enrolled contact; this input only names another one.
          typeDefinition: { name: 'contact_id', type: 'string', fieldType: 'text' },
          supportedValueTypes: ['OBJECT_PROPERTY', 'STATIC_VALUE'],
          isRequired: false,
        },
      ],
      outputFields: DECISION_OUTPUT_FIELDS.map((f) => ({
        typeDefinition: {
          name: f.name, type: f.type, fieldType: f.type === 'enumeration' ? 'select' : f.type === 'number' ? 'number' : 'text',
          ...('options' in f ? { options: f.options.map((o) => ({ value: o, label: o })) } : {}),
        },
      })),
      labels: {
        en: {
          actionName: 'Decide lead',
          actionDescription: 'Scores the enrolled contact (intent, fit, lead score), picks its routing tier and owner, writes the decision to the contact and returns it, with the reason, to branch on.',
          actionCardContent: 'Decide lead: score, route and explain',
          inputFieldLabels: { contact_id: 'Contact record ID (optional)' },
          inputFieldDescriptions: { contact_id: 'Leave empty to decide the enrolled contact.' },
          outputFieldLabels: outputLabels,
        },
      },
      objectTypes: ['CONTACT'],
    },
  };
}

/** The base URL a component points at (its URL minus the endpoint path), or null. */
export function serviceUrlIn(url: string, path: string): string | null {
  return url.endsWith(path) ? url.slice(0, -path.length) : null;
}
