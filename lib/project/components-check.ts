// What HubSpot cannot check offline about the webhooks and "Decide lead" components: both point at
// the same service, the subscriptions cover every property the engine reads, and the action's
// output fields are the decision's (lib/core/decision-outputs.ts).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DECISION_OUTPUT_FIELDS } from '../core/decision-outputs.ts';
import { DECIDE_ACTION_FILE, DECIDE_PATH, serviceUrlIn, subscribedProperties, WEBHOOKS_FILE, WEBHOOKS_PATH } from './components.ts';
import type { Problem } from './check.ts';

interface Subscription { subscriptionType: string; objectType: string; propertyName?: string; active: boolean }

function read(path: string): Record<string, unknown> | null {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
  } catch {
    return null; // the schema pass reports the broken file
  }
}

/** `srcDir` is relative to the project folder, e.g. "src". */
export function checkComponents(projectDir: string, srcDir: string): Problem[] {
  const problems: Problem[] = [];
  const webhooksRel = `${srcDir}/${WEBHOOKS_FILE}`;
  const actionRel = `${srcDir}/${DECIDE_ACTION_FILE}`;
  const missing = (rel: string) => problems.push({ file: rel, message: 'missing: run `npm run configure:service-url -- https://<service>` to write it' });
  if (!existsSync(join(projectDir, webhooksRel))) missing(webhooksRel);
  if (!existsSync(join(projectDir, actionRel))) missing(actionRel);
  const webhooks = read(join(projectDir, webhooksRel)) as { config?: { settings?: { targetUrl?: string }; subscriptions?: { crmObjects?: Subscription[] } } } | null;
  const action = read(join(projectDir, actionRel)) as { config?: { actionUrl?: string; outputFields?: { typeDefinition?: { name?: string; type?: string } }[] } } | null;

  const targetUrl = webhooks?.config?.settings?.targetUrl;
  const actionUrl = action?.config?.actionUrl;
  const hookBase = typeof targetUrl === 'string' ? serviceUrlIn(targetUrl, WEBHOOKS_PATH) : undefined;
  const actionBase = typeof actionUrl === 'string' ? serviceUrlIn(actionUrl, DECIDE_PATH) : undefined;
  if (hookBase === null) problems.push({ file: webhooksRel, message: `config.settings.targetUrl must end with ${WEBHOOKS_PATH} (the serve endpoint), not "${targetUrl}"` });
  if (actionBase === null) problems.push({ file: actionRel, message: `config.actionUrl must end with ${DECIDE_PATH} (the serve endpoint), not "${actionUrl}"` });
  if (hookBase && actionBase && hookBase !== actionBase) {
    problems.push({ file: actionRel, message: `config.actionUrl points at ${actionBase} but the webhooks at ${hookBase}: run \`npm run configure:service-url\` to set both` });
  }

  if (webhooks?.config?.subscriptions) {
    const active = (s: Subscription) => s.active && s.objectType === 'contact';
    const subs = webhooks.config.subscriptions.crmObjects ?? [];
    if (!subs.some((s) => active(s) && s.subscriptionType === 'object.creation')) {
      problems.push({ file: webhooksRel, message: 'no active object.creation subscription for contacts: new contacts would not be decided' });
    }
    const watched = new Set(subs.filter((s) => active(s) && s.subscriptionType === 'object.propertyChange').map((s) => s.propertyName));
    const unwatched = subscribedProperties().filter((p) => !watched.has(p));
    if (unwatched.length > 0) {
      problems.push({ file: webhooksRel, message: `no active object.propertyChange subscription for ${unwatched.join(', ')}, which the engine reads: a change there would not re-score the contact` });
    }
  }

  if (action?.config) {
    const got = (action.config.outputFields ?? []).map((f) => `${f.typeDefinition?.name}:${f.typeDefinition?.type}`);
    const want = DECISION_OUTPUT_FIELDS.map((f) => `${f.name}:${f.type}`);
    if (got.join(',') !== want.join(',')) {
      problems.push({ file: actionRel, message: `config.outputFields must be ${want.join(', ')} (what POST ${DECIDE_PATH} answers), not ${got.join(', ') || 'none'}` });
    }
  }
  return problems;
}
