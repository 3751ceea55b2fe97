import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PERSONAS, SENIORITIES } from '../../../lib/core/contract.ts';
import { normalizeContact } from '../../../lib/core/normalize/index.ts';
import type { NormalizedContact } from '../../../lib/core/types.ts';

describe('normalizeContact', () => {
  it.each<[string, Record<string, unknown>, Record<string, unknown> | null, Partial<NormalizedContact>]>([
    ['a work email gives the company key', { email: 'Jane@Acme.com' }, null,
      { email: 'jane@acme.com', hasValidEmail: true, emailDomain: 'acme.com', isFreeMail: false, companyKey: 'acme.com' }],
    ['a free-mail-only lead has no company key', { email: 'jane@gmail.com' }, null,
      { hasValidEmail: true, isFreeMail: true, companyKey: null }],
    ['the company domain wins over website and email', { email: 'jane@gmail.com', website: 'other.io' }, { domain: 'mail.acme.co.uk' },
      { isFreeMail: true, companyKey: 'acme.co.uk' }],
    ['the website comes before the email', { email: 'jane@acme-mail.com', website: 'https://www.Acme.com/about?x' }, null,
      { companyKey: 'acme.com' }],
    ['the contact country reads a national phone', { phone: '030 1234567', country: 'Germany' }, null,
      { phoneE164: '+49301234567', countryCode: 'DE' }],
    ['the company country is a phone hint only', { phone: '(415) 555-2671' }, { country: 'United States' },
      { phoneE164: '+14155552671', countryCode: null }],
    ['state codes depend on the country', { country: 'USA', state: 'california' }, null, { countryCode: 'US', stateCode: 'CA' }],
    ['other countries keep the region', { country: 'Deutschland', state: ' Bayern ' }, null, { countryCode: 'DE', stateCode: 'Bayern' }],
    ['the title sets persona and seniority', { jobtitle: 'VP Sales' }, null, { persona: 'sales', seniority: 'vp' }],
    ['an empty contact is all nulls', {}, null,
      { email: null, hasValidEmail: false, emailDomain: null, isFreeMail: false, companyKey: null, phoneE164: null,
        countryCode: null, stateCode: null, persona: 'other', seniority: 'unknown' }],
  ])('%s', (_name, properties, company, expected) => {
    expect(normalizeContact(properties, company).value).toMatchObject(expected);
  });

  it('gives one reason per field, in a fixed order', () => {
    const r = normalizeContact(
      { email: 'jane@gmail.com', phone: '+44 20 7946 0958', country: 'UK', state: 'Greater London', jobtitle: 'Head of Data' },
      null,
    );
    expect(r.reasons).toMatchInlineSnapshot(`
      [
        {
          "code": "email_valid",
          "message": "The email is valid (domain gmail.com).",
        },
        {
          "code": "freemail_domain",
          "message": "gmail.com is a free-mail domain, so no company key",
        },
        {
          "code": "phone_e164",
          "message": "The phone number is valid and reads as +442079460958 (E.164).",
        },
        {
          "code": "country_recognized",
          "message": "Country “UK” is GB.",
        },
        {
          "code": "state_kept",
          "message": "State/region “Greater London” is kept as written (codes are mapped for the US and Canada only).",
        },
        {
          "code": "title_classified",
          "message": "Job title “Head of Data” → persona data (rule data: “data”), seniority director (rule head_of: “head”).",
        },
      ]
    `);
  });

  it('reads only own properties', () => {
    const props = Object.create({ email: 'inherited@acme.com' }) as Record<string, unknown>;
    expect(normalizeContact(props, null).value.email).toBeNull();
  });

  it('never throws and keeps every output in its domain, whatever the values', () => {
    const messy = fc.oneof(
      fc.anything(),
      fc.string({ unit: 'binary', maxLength: 80 }),
      fc.string({ unit: 'grapheme', maxLength: 20 }),
      fc.constantFrom('😀@😀.com', 'jane@acme.com', '+44 20 7946 0958', 'Deutschland', 'VP Sales', 'x'.repeat(100_000), '\u0000\uD800'),
    );
    const props = fc.record(
      { email: messy, phone: messy, country: messy, state: messy, jobtitle: messy, website: messy },
      { requiredKeys: [] },
    );
    const company = fc.oneof(fc.constant(null), fc.record({ domain: messy, country: messy }, { requiredKeys: [] }), fc.anything());
    fc.assert(
      fc.property(fc.oneof(props, fc.dictionary(fc.string(), fc.anything())), company, (p, c) => {
        const { value, reasons } = normalizeContact(p, c as Record<string, unknown> | null);
        expect(value.countryCode === null || /^[A-Z]{2}$/.test(value.countryCode)).toBe(true);
        expect(value.phoneE164 === null || /^\+[1-9]\d{6,14}$/.test(value.phoneE164)).toBe(true);
        expect(PERSONAS).toContain(value.persona);
        expect(SENIORITIES).toContain(value.seniority);
        expect(value.hasValidEmail).toBe(value.emailDomain !== null);
        expect(value.companyKey === null || /^[a-z0-9.-]+$/.test(value.companyKey)).toBe(true);
        for (const r of reasons) {
          expect(r.code).toMatch(/^[a-z][a-z0-9_]*$/);
          expect(r.message.length).toBeGreaterThan(0);
          expect(r.message.length).toBeLessThanOrEqual(300);
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('never throws on a property map that is not an object at all', () => {
    fc.assert(
      fc.property(fc.anything(), fc.anything(), (p, c) => {
        expect(() => normalizeContact(p as Record<string, unknown>, c as Record<string, unknown> | null)).not.toThrow();
      }),
      { numRuns: 300 },
    );
  });
});
