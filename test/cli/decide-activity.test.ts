// The cases through `lead-decisions decide`: dated activity in JSONL, scores that age, tasks on new intent only.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const bin = join(root, 'bin/lead-decisions.js');
const NOW = '2026-11-27T12:00:00Z';

interface OutLine {
  id: string;
  outputs: Record<string, string>;
  reasons: { code: string; message: string }[];
  sideEffects: { type: string; ownerId: string; subject: string; dedupeKey: string; trigger: { kind: string; at: string } }[];
}

function decide(records: object[], now = NOW) {
  const r = spawnSync(process.execPath, [bin, 'decide', '--now', now], { cwd: root, input: records.map((x) => JSON.stringify(x)).join('\n'), encoding: 'utf8', timeout: 60_000 });
  const out = r.stdout.split('\n').filter(Boolean).map((l) => JSON.parse(l) as OutLine);
  return { code: r.status, stderr: r.stderr, byId: new Map(out.map((o) => [o.id, o])) };
}

const at = (iso: string) => ({ timestamp: iso, sourceType: 'ANALYTICS' });
const engineer = { email: 'pat@hooli.io', jobtitle: 'Software Engineer', hubspot_owner_id: '101' };
const withHistory = (id: string, views: number, forms: string[]) => ({
  id,
  properties: engineer,
  propertiesWithHistory: {
    hs_analytics_num_page_views: [{ value: String(views), ...at('2026-11-26T10:00:00.000Z') }],
    num_conversion_events: forms.map((_, i) => ({ value: String(forms.length - i), ...at('2026-11-25T10:00:00.000Z') })),
    recent_conversion_event_name: forms.map((name) => ({ value: name, ...at('2026-11-25T10:00:00.000Z') })),
  },
  company: null,
});
const intentOf = (o: OutLine | undefined) => Number(o?.outputs['intent_score'] ?? NaN);

describe('decide with dated activity (the issue’s cases)', () => {
  let run: ReturnType<typeof decide>;
  beforeAll(() => {
    run = decide([
      {
        id: 'dormant-director',
        properties: { email: 'dan@acme.com', jobtitle: 'Director of Engineering', hs_analytics_num_page_views: '15', num_conversion_events: '3', hs_analytics_last_visit_timestamp: '2023-11-20T10:00:00Z', lifecyclestage: 'lead', hubspot_owner_id: '101' },
        company: { properties: { domain: 'acme.com', industry: 'COMPUTER_SOFTWARE', numberofemployees: '1200' } },
      },
      withHistory('heavy', 500, Array.from({ length: 30 }, () => 'Webinar')),
      withHistory('light', 12, ['Webinar', 'Webinar', 'Webinar']),
      withHistory('demo', 0, ['Demo request']),
      withHistory('newsletter', 0, ['Newsletter signup']),
      { id: 'from-2099', properties: { ...engineer, hs_analytics_num_page_views: '30', hs_analytics_last_visit_timestamp: '2099-01-01T00:00:00Z' }, propertiesWithHistory: { hs_email_replied: [{ value: '1', ...at('2099-01-01T00:00:00.000Z') }] }, company: null },
    ]);
  });

  it('decides every line, each with a sideEffects array', () => {
    expect(run.code).toBe(0);
    expect(run.byId.size).toBe(6);
    for (const o of run.byId.values()) expect(Array.isArray(o.sideEffects)).toBe(true);
  });

  it('does not keep a Director dormant for 3 years in the high tier', () => {
    const o = run.byId.get('dormant-director')!;
    expect(o.outputs['routing_tier']).not.toBe('high');
    expect(o.outputs['intent_score']).toBe('0');
    expect(o.reasons.find((r) => r.code === 'score_intent')!.message).toBe('Intent 0: last active 3 years ago, too long ago to earn points.');
    expect(o.sideEffects).toEqual([]);
  });

  it('scores 500 views and 30 forms above 12 views and 3 forms', () => {
    expect(intentOf(run.byId.get('heavy'))).toBeGreaterThan(intentOf(run.byId.get('light')));
  });

  it('scores a demo request above a newsletter signup', () => {
    expect(intentOf(run.byId.get('demo'))).toBeGreaterThan(intentOf(run.byId.get('newsletter')));
  });

  it('gives nothing for activity dated 2099', () => {
    const o = run.byId.get('from-2099')!;
    expect(o.outputs['intent_score']).toBe('0');
    expect(o.reasons.find((r) => r.code === 'score_intent')!.message).toContain('2 dates in the future ignored');
  });
});

describe('decide: tasks only on new intent', () => {
  const ceo = {
    id: 'ceo',
    properties: { email: 'ceo@acme.com', jobtitle: 'CEO', hubspot_owner_id: '101', country: 'United States' },
    propertiesWithHistory: { num_conversion_events: [{ value: '1', ...at('2026-11-26T10:00:00.000Z') }], recent_conversion_event_name: [{ value: 'Demo request', ...at('2026-11-26T10:00:00.000Z') }] },
    company: { properties: { domain: 'acme.com', industry: 'COMPUTER_SOFTWARE', numberofemployees: '6478' } },
  };

  it('creates one task named after the activity, and none when re-decided with no new activity', () => {
    const first = decide([ceo]).byId.get('ceo')!;
    expect(first.sideEffects).toEqual([expect.objectContaining({ type: 'task', ownerId: '101', dedupeKey: 'lead-decisions:ceo:demo_request@2026-11-26T10:00:00.000Z', trigger: { kind: 'demo_request', at: '2026-11-26T10:00:00.000Z' } })]);
    const applied = { ...ceo, properties: { ...ceo.properties, ...first.outputs }, context: { lastNotifiedAt: NOW } };
    const lines = ['2026-11-28T12:00:00Z', '2026-12-05T12:00:00Z'].map((now) => decide([applied], now).byId.get('ceo')!);
    for (const again of lines) {
      expect(again.sideEffects).toEqual([]);
      expect(again.reasons.find((r) => r.code.startsWith('notify_'))!.code).toMatch(/^notify_(no_new_intent|tier_skipped)$/);
    }
    // A new demo request after the notification does create one.
    const newer = { ...applied, propertiesWithHistory: { ...ceo.propertiesWithHistory, recent_conversion_event_name: [{ value: 'Pricing', ...at('2026-12-01T09:00:00.000Z') }, ...ceo.propertiesWithHistory.recent_conversion_event_name] } };
    expect(decide([newer], '2026-12-01T12:00:00Z').byId.get('ceo')!.sideEffects.map((e) => e.trigger.kind)).toEqual(['pricing']);
  });

  it('rejects a malformed history on its own line with a clear error, deciding the rest', () => {
    const r = decide([
      { id: 'bad', properties: {}, propertiesWithHistory: { hs_analytics_num_page_views: [{ value: '3', timestamp: 'last tuesday' }] } },
      { id: 'bad2', properties: {}, propertiesWithHistory: { num_conversion_events: { value: '3' } } },
      { id: 'ok', properties: {}, propertiesWithHistory: { hs_analytics_num_page_views: [{ value: '3', timestamp: '2026-11-26T10:00:00.000Z' }] } },
    ]);
    expect(r.code).toBe(1);
    expect([...r.byId.keys()]).toEqual(['ok']);
    expect(r.stderr.split('\n').filter((l) => l.startsWith('line '))).toMatchInlineSnapshot(`
      [
        "line 1: propertiesWithHistory.hs_analytics_num_page_views.0.timestamp: must be an ISO date-time or epoch milliseconds",
        "line 2: propertiesWithHistory.num_conversion_events: Invalid input: expected array, received object",
      ]
    `);
  });
});
