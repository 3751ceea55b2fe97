import { describe, expect, it } from 'vitest';
import { decideLifecycle } from '../../lib/core/lifecycle.ts';
import { testConfig } from './helpers.ts';

const config = testConfig();

describe('decideLifecycle', () => {
  it.each([
    [null, 'high', 'marketingqualifiedlead', 'lifecycle_moved'],
    ['subscriber', 'high', 'marketingqualifiedlead', 'lifecycle_moved'],
    ['lead', 'high', 'marketingqualifiedlead', 'lifecycle_moved'],
    ['marketingqualifiedlead', 'high', null, 'lifecycle_no_rule'],
    ['salesqualifiedlead', 'high', null, 'lifecycle_no_rule'],
    ['customer', 'high', null, 'lifecycle_no_rule'],
    [null, 'medium', 'lead', 'lifecycle_moved'],
    ['subscriber', 'medium', 'lead', 'lifecycle_moved'],
    ['lead', 'medium', null, 'lifecycle_no_rule'],
    ['marketingqualifiedlead', 'low', null, 'lifecycle_no_rule'],
    [null, 'low', 'subscriber', 'lifecycle_moved'],
    ['other', 'high', null, 'lifecycle_custom_stage'],
    ['1234567', 'high', null, 'lifecycle_custom_stage'],
    ['Nurture', 'high', null, 'lifecycle_custom_stage'],
  ] as const)('%s at tier %s → %s (%s)', (from, tier, to, code) => {
    const r = decideLifecycle(from, tier, config);
    expect(r.value.to).toBe(to);
    expect(r.value.moved).toBe(to !== null);
    expect(r.reasons.map((x) => x.code)).toEqual([code]);
  });

  it('refuses a backward rule even when a hand-built config carries one', () => {
    const bad = { ...config, lifecycle: { transitions: [{ tier: 'low' as const, from: ['customer' as const], to: 'lead' as const }] } };
    const r = decideLifecycle('customer', 'low', bad);
    expect(r.value.moved).toBe(false);
    expect(r.reasons[0]).toMatchInlineSnapshot(`
      {
        "code": "lifecycle_backward_refused",
        "message": "Moving from Customer to Lead would go backward, so the stage stays.",
      }
    `);
  });

  it('says what it did', () => {
    expect(decideLifecycle('lead', 'high', config).reasons[0]!.message).toMatchInlineSnapshot(`"High tier moves the contact from Lead to Marketing qualified lead."`);
    expect(decideLifecycle('Nurture', 'high', config).reasons[0]!.message).toMatchInlineSnapshot(`"Lifecycle stage "Nurture" is custom or outside the funnel, so it is never moved automatically."`);
  });
});
