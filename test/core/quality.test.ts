import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TIERS, type Tier } from '../../lib/core/contract.ts';
import { decideLifecycle } from '../../lib/core/lifecycle.ts';
import { normalizeContact } from '../../lib/core/normalize/index.ts';
import { DISPOSABLE_DOMAIN_COUNT, isDisposableDomain } from '../../lib/core/normalize/disposable.ts';
import { qualityGates } from '../../lib/core/quality.ts';
import { testConfig } from './helpers.ts';

const config = testConfig();

function gate(email: string, tier: Tier = 'high', cfg = config) {
  const n = normalizeContact({ email }, null).value;
  return qualityGates(n, tier, cfg);
}

describe('isDisposableDomain', () => {
  it('loads the whole list', () => {
    expect(DISPOSABLE_DOMAIN_COUNT).toBeGreaterThan(100_000);
  });

  it.each([
    ['mailinator.com', null, true], ['guerrillamail.com', null, true], ['10minutemail.com', null, true], ['yopmail.com', null, true],
    ['MAILINATOR.COM', null, true], ['eu.mailinator.com', 'mailinator.com', true],
    ['gmail.com', null, false], ['acme.com', null, false], ['outlook.com', null, false], ['web.de', null, false],
  ])('%s (registrable %s) → %s', (domain, registrable, expected) => {
    expect(isDisposableDomain(domain, registrable)).toBe(expected);
  });
});

describe('qualityGates', () => {
  it.each([
    ['cto@mailinator.com', 'high', 'low', ['quality_disposable_email', 'quality_free_mail', 'quality_tier_capped']],
    ['info@acme.com', 'high', 'medium', ['quality_role_account', 'quality_tier_capped']],
    ['Sales@Acme.com', 'high', 'medium', ['quality_role_account', 'quality_tier_capped']],
    ['noreply+crm@acme.com', 'high', 'medium', ['quality_role_account', 'quality_tier_capped']],
    ['no-reply@acme.com', 'high', 'medium', ['quality_role_account', 'quality_tier_capped']],
    ['info@acme.com', 'medium', 'medium', ['quality_role_account']],
    ['info@acme.com', 'low', 'low', ['quality_role_account']],
    ['info@mailinator.com', 'high', 'low', ['quality_disposable_email', 'quality_role_account', 'quality_free_mail', 'quality_tier_capped']],
    ['jane@gmail.com', 'high', 'high', ['quality_free_mail']],
    ['jane@acme.com', 'high', 'high', []],
    ['information@acme.com', 'high', 'high', []],
    ['not-an-email', 'high', 'high', []],
  ] as const)('%s at %s → %s %j', (email, tier, out, codes) => {
    const r = gate(email, tier);
    expect(r.value.tier).toBe(out);
    expect(r.reasons.map((x) => x.code)).toEqual(codes);
  });

  it('reads the caps and role list from config', () => {
    const cfg = testConfig((raw) => {
      raw.dataQuality.roleAccountMaxTier = 'low';
      raw.dataQuality.roleAccounts = ['leads'];
    });
    expect(gate('leads@acme.com', 'high', cfg).value.tier).toBe('low');
    expect(gate('info@acme.com', 'high', cfg).value.tier).toBe('high');
  });

  it('pins the reason wording', () => {
    expect(gate('info@mailinator.com').reasons.map((r) => r.message)).toMatchInlineSnapshot(`
      [
        "mailinator.com is a disposable-mail domain, so the tier is at most low.",
        "info@ is a shared role inbox, not a person, so the tier is at most medium.",
        "mailinator.com is a free-mail address, a small fit signal (-5).",
        "Tier lowered from high to low by the data-quality gates.",
      ]
    `);
  });

  it('never raises a tier and always answers a valid one', () => {
    fc.assert(fc.property(fc.string({ maxLength: 40 }), fc.constantFrom(...TIERS), (email, tier) => {
      const out = gate(email, tier).value.tier;
      expect(TIERS).toContain(out);
      expect(TIERS.indexOf(out)).toBeGreaterThanOrEqual(TIERS.indexOf(tier)); // TIERS runs high → low
    }), { numRuns: 300 });
  });
});

describe('decideLifecycle: blocking lead status', () => {
  it.each([
    ['UNQUALIFIED', null, 'high', 'lifecycle_blocked_by_lead_status'],
    ['unqualified', 'lead', 'high', 'lifecycle_blocked_by_lead_status'],
    [' BAD_TIMING ', 'subscriber', 'medium', 'lifecycle_blocked_by_lead_status'],
    ['BAD_TIMING', null, 'low', 'lifecycle_blocked_by_lead_status'],
    ['NEW', null, 'high', 'lifecycle_moved'],
    ['IN_PROGRESS', 'lead', 'high', 'lifecycle_moved'],
    [null, null, 'high', 'lifecycle_moved'],
    ['UNQUALIFIED', 'customer', 'high', 'lifecycle_no_rule'],
  ] as const)('status %j at %s, tier %s → %s', (status, from, tier, code) => {
    const r = decideLifecycle(from, tier, config, status);
    expect(r.reasons.map((x) => x.code)).toEqual([code]);
    expect(r.value.moved).toBe(code === 'lifecycle_moved');
  });

  it('uses the configured list', () => {
    const cfg = testConfig((raw) => {
      raw.dataQuality.blockingLeadStatuses = ['ATTEMPTED_TO_CONTACT'];
    });
    expect(decideLifecycle(null, 'high', cfg, 'UNQUALIFIED').value.moved).toBe(true);
    expect(decideLifecycle(null, 'high', cfg, 'attempted_to_contact').reasons[0]?.message).toMatchInlineSnapshot(
      `"Lead status ATTEMPTED_TO_CONTACT blocks promotion to Marketing qualified lead, so the stage stays."`,
    );
  });
});
