// The webhooks and "Decide lead" components: generated from one service URL and the engine's
// property lists; `npm run configure:service-url` rewrites both, and the result passes the check.
import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { translate } from '@hubspot/project-parsing-lib/translate';
import { afterEach, describe, expect, it } from 'vitest';
import { ACTIVITY_HISTORY_PROPERTIES } from '../../lib/core/activity-properties.ts';
import { CONTACT_INPUT_PROPERTIES } from '../../lib/core/contract.ts';
import { DECISION_OUTPUT_NAMES } from '../../lib/core/decision-outputs.ts';
import { checkProject } from '../../lib/project/check.ts';
import {
  decideActionComponent, DECIDE_ACTION_FILE, NOT_SUBSCRIBED, parseServiceUrl, serviceUrlIn, subscribedProperties, webhooksComponent, WEBHOOKS_FILE, WEBHOOKS_PATH,
} from '../../lib/project/components.ts';

const run = promisify(execFile);
const root = join(import.meta.dirname, '../..');
const committed = (file: string) => JSON.parse(readFileSync(join(root, 'src', file), 'utf8')) as { config: Record<string, unknown> };

const copies: string[] = [];
afterEach(() => { for (const dir of copies.splice(0)) rmSync(dir, { recursive: true, force: true }); });

describe('components', () => {
  it('the committed files are what the generator writes for their own URL (no hand-copied lists)', () => {
    const hooks = committed(WEBHOOKS_FILE);
    const base = serviceUrlIn((hooks.config['settings'] as { targetUrl: string }).targetUrl, WEBHOOKS_PATH)!;
    expect(hooks).toEqual(webhooksComponent(base));
    expect(committed(DECIDE_ACTION_FILE)).toEqual(decideActionComponent(base));
  });

  it("HubSpot's own project parser finds both components, with their types", async () => {
    const result = await translate({ projectSourceDir: join(root, 'src'), platformVersion: '2026.03' }, { skipValidation: true });
    const nodes = result.intermediateRepresentation.intermediateNodesIndexedByUid as Record<string, { componentType?: string; config?: unknown }>;
    const hooks = committed(WEBHOOKS_FILE) as { uid?: string; config: unknown };
    const action = committed(DECIDE_ACTION_FILE) as { uid?: string; config: unknown };
    expect(nodes[hooks.uid!]).toMatchObject({ componentType: 'WEBHOOKS', config: hooks.config });
    expect(nodes[action.uid!]).toMatchObject({ componentType: 'WORKFLOW_ACTION', config: action.config });
    expect(result.skippedHsMetaFiles).toEqual([]);
  });

  it('subscribes to every property the engine reads, except the listed ones, each once', () => {
    const subscribed = subscribedProperties();
    const inputs = new Set<string>([...CONTACT_INPUT_PROPERTIES, ...ACTIVITY_HISTORY_PROPERTIES]);
    expect(new Set(subscribed).size).toBe(subscribed.length);
    expect([...subscribed, ...Object.keys(NOT_SUBSCRIBED)].sort()).toEqual([...inputs].sort());
    // Our own writes must not wake us up: lastmodifieddate changes on every write, the scores are ours.
    expect(subscribed).not.toContain('lastmodifieddate');
    expect(subscribed).not.toContain('lead_score');
    expect(subscribed).not.toContain('phone');
    expect(subscribed).toEqual(expect.arrayContaining(['hs_analytics_num_page_views', 'jobtitle', 'hubspot_owner_id', 'hs_email_replied']));
  });

  it("the action's output fields are the decision's, in order", () => {
    const fields = decideActionComponent('https://x.example').config.outputFields.map((f) => f.typeDefinition.name);
    expect(fields).toEqual(DECISION_OUTPUT_NAMES);
  });

  it.each([
    { raw: 'https://decisions.example.org', url: 'https://decisions.example.org' },
    { raw: ' https://decisions.example.org/lead/ ', url: 'https://decisions.example.org/lead' },
    { raw: 'http://decisions.example.org', message: 'HubSpot calls only https URLs; "http://decisions.example.org" is http' },
    { raw: 'decisions.example.org', message: '"decisions.example.org" is not a URL' },
    { raw: 'https://decisions.example.org/?x=1', message: 'the service URL takes no query or fragment: "https://decisions.example.org/?x=1"' },
  ])('parseServiceUrl($raw)', ({ raw, url, message }) => {
    expect(parseServiceUrl(raw)).toEqual(url ? { ok: true, url } : { ok: false, message });
  });

  it('configure:service-url rewrites both components, and the project still checks clean', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lead-decisions-url-'));
    copies.push(dir);
    cpSync(join(root, 'hsproject.json'), join(dir, 'hsproject.json'));
    cpSync(join(root, 'src'), join(dir, 'src'), { recursive: true, filter: (from) => !from.includes('node_modules') });
    const { stdout } = await run(process.execPath, ['--import', 'tsx', join(root, 'scripts/configure-service-url.ts'), 'https://decide.acme.test/ld', '--project', dir], { cwd: root });
    expect(stdout).toContain('Both components now point at https://decide.acme.test/ld');
    const read = (file: string) => JSON.parse(readFileSync(join(dir, 'src', file), 'utf8')) as { config: Record<string, unknown> };
    expect((read(WEBHOOKS_FILE).config['settings'] as { targetUrl: string }).targetUrl).toBe('https://decide.acme.test/ld/webhooks/hubspot');
    expect(read(DECIDE_ACTION_FILE).config['actionUrl']).toBe('https://decide.acme.test/ld/workflow-actions/decide');
    expect(await checkProject({ projectDir: dir })).toEqual([]);
  });

  it('configure:service-url refuses a plain-http URL and changes nothing', async () => {
    const failure = await run(process.execPath, ['--import', 'tsx', join(root, 'scripts/configure-service-url.ts'), 'http://decide.acme.test', '--project', '/nonexistent'], { cwd: root })
      .then(() => null, (err: { code: number; stderr: string }) => err);
    expect(failure).toMatchObject({ code: 2, stderr: expect.stringContaining('HubSpot calls only https URLs') });
  });
});
