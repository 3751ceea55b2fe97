// The offline project check: the real project passes; a copy with one thing broken reports it,
// naming the file and saying what HubSpot would do.
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { checkProject, type Problem } from '../../lib/project/check.ts';

const root = join(import.meta.dirname, '../..');
const CARD_META = 'src/app/cards/LeadDecisionCard-hsmeta.json';
const CARD = 'src/app/cards/LeadDecisionCard.tsx';
const FUNCTION_META = 'src/app/functions/rescore_contact-hsmeta.json';
const WEBHOOKS = 'src/app/webhooks/webhooks-hsmeta.json';
const ACTION = 'src/app/workflow-actions/decide-hsmeta.json';
type Subscription = { subscriptionType: string; propertyName?: string; active: boolean };
const subscriptionsOf = (m: Json) => (m.config['subscriptions'] as { crmObjects: Subscription[] }).crmObjects;

const copies: string[] = [];
afterEach(() => { for (const dir of copies.splice(0)) rmSync(dir, { recursive: true, force: true }); });

/** hsproject.json and src/ copied to a temporary folder: what `hs project upload` would see. */
function projectCopy(): string {
  const dir = mkdtempSync(join(tmpdir(), 'lead-decisions-check-'));
  copies.push(dir);
  cpSync(join(root, 'hsproject.json'), join(dir, 'hsproject.json'));
  cpSync(join(root, 'src'), join(dir, 'src'), { recursive: true, filter: (from) => !from.includes('node_modules') });
  return dir;
}

const write = (dir: string, file: string, text: string): void => {
  mkdirSync(dirname(join(dir, file)), { recursive: true });
  writeFileSync(join(dir, file), text);
};
type Json = Record<string, unknown> & { config: Record<string, unknown> };
const editJson = (dir: string, file: string, edit: (json: Json) => void): void => {
  const json = JSON.parse(readFileSync(join(dir, file), 'utf8')) as Json;
  edit(json);
  write(dir, file, JSON.stringify(json, null, 2));
};
const prepend = (dir: string, file: string, line: string): void => write(dir, file, `${line}\n${readFileSync(join(dir, file), 'utf8')}`);
const cardMeta = readFileSync(join(root, CARD_META), 'utf8');

describe('checkProject', () => {
  // Bundle freshness of the real project is `npm run check:project` (part of `npm test`).
  it('the project as it stands has no problems', async () => {
    expect(await checkProject({ projectDir: root })).toEqual([]);
  });

  it('an untouched copy has no problems', async () => {
    expect(await checkProject({ projectDir: projectCopy() })).toEqual([]);
  });

  it.each<{ name: string; breakIt: (dir: string) => void; problem: Problem }>([
    {
      name: 'an hsmeta file one folder too deep',
      breakIt: (dir) => write(dir, 'src/app/cards/sub/Extra-hsmeta.json', cardMeta.replace('"uid": "', '"uid": "extra_')),
      problem: { file: 'src/app/cards/sub/Extra-hsmeta.json', message: 'HubSpot would skip this hsmeta file (wrong folder): it would not be uploaded' },
    },
    {
      name: 'an hsmeta file in a misspelt folder',
      breakIt: (dir) => write(dir, 'src/app/function/extra-hsmeta.json', readFileSync(join(root, FUNCTION_META), 'utf8').replace('"uid": "', '"uid": "extra_')),
      problem: { file: 'src/app/function/extra-hsmeta.json', message: 'HubSpot would skip this hsmeta file (wrong folder): it would not be uploaded' },
    },
    {
      name: 'a card entrypoint that does not exist',
      breakIt: (dir) => editJson(dir, CARD_META, (m) => { m.config['entrypoint'] = '/app/cards/Missing.tsx'; }),
      problem: { file: CARD_META, message: 'entrypoint /app/cards/Missing.tsx does not exist under src/' },
    },
    {
      name: 'a card entrypoint outside app/cards',
      breakIt: (dir) => editJson(dir, CARD_META, (m) => { m.config['entrypoint'] = 'LeadDecisionCard.tsx'; }),
      problem: { file: CARD_META, message: 'config.entrypoint: entrypoint must be /app/cards/<file>.tsx or .jsx' },
    },
    {
      name: 'a function pointing at TypeScript',
      breakIt: (dir) => editJson(dir, FUNCTION_META, (m) => { m.config['entrypoint'] = '/app/functions/rescore_contact.ts'; }),
      problem: { file: FUNCTION_META, message: 'config.entrypoint: entrypoint must be a .js file under /app/functions/' },
    },
    {
      name: 'no package.json beside the functions',
      breakIt: (dir) => rmSync(join(dir, 'src/app/functions/package.json')),
      problem: { file: 'src/app/functions/package.json', message: 'missing: HubSpot requires a package.json beside app functions' },
    },
    {
      name: 'a card importing from lib/, outside srcDir',
      breakIt: (dir) => prepend(dir, CARD, "import { decide } from '../../../lib/core/pipeline.ts';"),
      problem: { file: CARD, message: 'imports ../../../lib/core/pipeline.ts, outside src/: HubSpot builds cards from srcDir alone' },
    },
    {
      name: 'a card importing a package its package.json does not declare',
      breakIt: (dir) => prepend(dir, 'src/app/cards/components/WhyView.tsx', "import debounce from 'lodash/debounce';"),
      problem: { file: 'src/app/cards/components/WhyView.tsx', message: 'imports "lodash/debounce", which src/app/cards/package.json does not declare' },
    },
    {
      name: 'an hsmeta file that is not JSON',
      breakIt: (dir) => write(dir, FUNCTION_META, '{ "uid": "rescore_contact", '),
      problem: { file: FUNCTION_META, message: expect.stringMatching(/^not valid JSON: /) },
    },
    {
      name: 'the wrong platform version',
      breakIt: (dir) => editJson(dir, 'hsproject.json', (p) => { p['platformVersion'] = '2025.2'; }),
      problem: { file: 'hsproject.json', message: 'platformVersion: Invalid input: expected "2026.03"' },
    },
    {
      name: 'a webhooks target on plain http',
      breakIt: (dir) => editJson(dir, WEBHOOKS, (m) => { (m.config['settings'] as Record<string, unknown>)['targetUrl'] = 'http://lead-decisions.example.com/webhooks/hubspot'; }),
      problem: { file: WEBHOOKS, message: 'config.settings.targetUrl: must be an https URL (HubSpot calls only https)' },
    },
    {
      name: 'a property the engine reads with no subscription',
      breakIt: (dir) => editJson(dir, WEBHOOKS, (m) => { subscriptionsOf(m).splice(subscriptionsOf(m).findIndex((s) => s.propertyName === 'jobtitle'), 1); }),
      problem: { file: WEBHOOKS, message: 'no active object.propertyChange subscription for jobtitle, which the engine reads: a change there would not re-score the contact' },
    },
    {
      name: 'a subscription switched off',
      breakIt: (dir) => editJson(dir, WEBHOOKS, (m) => { subscriptionsOf(m).find((s) => s.propertyName === 'hs_analytics_num_page_views')!.active = false; }),
      problem: { file: WEBHOOKS, message: 'no active object.propertyChange subscription for hs_analytics_num_page_views, which the engine reads: a change there would not re-score the contact' },
    },
    {
      name: 'no subscription to new contacts',
      breakIt: (dir) => editJson(dir, WEBHOOKS, (m) => { subscriptionsOf(m).splice(0, 1); }),
      problem: { file: WEBHOOKS, message: 'no active object.creation subscription for contacts: new contacts would not be decided' },
    },
    {
      name: 'the webhooks target at another path',
      breakIt: (dir) => editJson(dir, WEBHOOKS, (m) => { (m.config['settings'] as Record<string, unknown>)['targetUrl'] = 'https://lead-decisions.example.com/hooks'; }),
      problem: { file: WEBHOOKS, message: 'config.settings.targetUrl must end with /webhooks/hubspot (the serve endpoint), not "https://lead-decisions.example.com/hooks"' },
    },
    {
      name: 'the action pointing at another service than the webhooks',
      breakIt: (dir) => editJson(dir, ACTION, (m) => { m.config['actionUrl'] = 'https://old.example.com/workflow-actions/decide'; }),
      problem: { file: ACTION, message: 'config.actionUrl points at https://old.example.com but the webhooks at https://lead-decisions.example.com: run `npm run configure:service-url` to set both' },
    },
    {
      name: 'an output field missing from the action',
      breakIt: (dir) => editJson(dir, ACTION, (m) => { (m.config['outputFields'] as unknown[]).splice(1, 1); }),
      problem: { file: ACTION, message: 'config.outputFields must be routing_tier:enumeration, intent_score:number, fit_score:number, lead_score:number, owner_id:string, content_track:string, last_decision_reason:string (what POST /workflow-actions/decide answers), not routing_tier:enumeration, fit_score:number, lead_score:number, owner_id:string, content_track:string, last_decision_reason:string' },
    },
    {
      name: 'an action without the WORKFLOWS client',
      breakIt: (dir) => editJson(dir, ACTION, (m) => { m.config['supportedClients'] = [{ client: 'WORKFLOW' }]; }),
      problem: { file: ACTION, message: expect.stringMatching(/^config\.supportedClients\.0\.client: Invalid option/) },
    },
    {
      name: 'no webhooks component',
      breakIt: (dir) => rmSync(join(dir, WEBHOOKS)),
      problem: { file: WEBHOOKS, message: 'missing: run `npm run configure:service-url -- https://<service>` to write it' },
    },
    {
      name: 'an action HubSpot would skip (one folder too deep)',
      breakIt: (dir) => { write(dir, 'src/app/workflow-actions/old/decide-hsmeta.json', readFileSync(join(root, ACTION), 'utf8').replace('"uid": "decide_lead"', '"uid": "decide_lead_old"')); },
      problem: { file: 'src/app/workflow-actions/old/decide-hsmeta.json', message: 'HubSpot would skip this hsmeta file (wrong folder): it would not be uploaded' },
    },
  ])('reports $name', async ({ breakIt, problem }) => {
    const dir = projectCopy();
    breakIt(dir);
    expect(await checkProject({ projectDir: dir })).toContainEqual(problem);
  });

  it('reports a function bundle that is missing or out of date with its source', async () => {
    const dir = projectCopy();
    rmSync(join(dir, 'src/app/functions/dist/decision_history.js'));
    const problems = await checkProject({ projectDir: dir, bundleText: async (uid) => `// fresh build of ${uid}` });
    expect(problems).toEqual([
      { file: 'src/app/functions/decision_history-hsmeta.json', message: 'entrypoint /app/functions/dist/decision_history.js does not exist under src/' },
      { file: 'src/app/functions/dist/decision_history.js', message: 'bundle missing: run `npm run build`' },
      { file: 'src/app/functions/dist/rescore_contact.js', message: 'bundle is out of date with lib/functions/rescore_contact.ts: run `npm run build` and commit it' },
    ]);
  });

  it('reports a custom code bundle that is missing or out of date with its source', async () => {
    const dir = projectCopy();
    write(dir, 'custom-code/normalize.js', '// an old build');
    const problems = await checkProject({ projectDir: dir, customCode: { names: ['normalize', 'score_and_route'], text: async (name) => `// fresh build of ${name}` } });
    expect(problems).toEqual([
      { file: 'custom-code/normalize.js', message: 'bundle is out of date with lib/custom-code/normalize.ts: run `npm run build` and commit it' },
      { file: 'custom-code/score_and_route.js', message: 'bundle missing: run `npm run build`' },
    ]);
  });
});
