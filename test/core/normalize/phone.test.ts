import fc from 'fast-check';
import { getCountries, getCountryCallingCode, parsePhoneNumberFromString } from 'libphonenumber-js/max';
import type { CountryCode } from 'libphonenumber-js/max';
import examples from 'libphonenumber-js/examples.mobile.json';
import { describe, expect, it } from 'vitest';
import { normalizePhone } from '../../../lib/core/normalize/index.ts';
import { fastE164 } from '../../../lib/core/normalize/phone-fast.ts';

describe('normalizePhone', () => {
  it.each([
    ['+44 20 7946 0958', null, '+442079460958'],
    ['+44 (0) 20 7946 0958', null, '+442079460958'],
    ['020 7946 0958', 'GB', '+442079460958'],
    ['(415) 555-2671', 'US', '+14155552671'],
    ['415.555.2671', 'US', '+14155552671'],
    ['1-415-555-2671', 'US', '+14155552671'],
    ['+1 415 555 2671', 'DE', '+14155552671'],
    ['0049 30 1234567', null, '+49301234567'],
    ['0049 30 1234567', 'US', '+49301234567'],
    ['0049 30 1234567', 'DE', '+49301234567'],
    ['030 1234567', 'DE', '+49301234567'],
    ['+49 (0)30 1234567', null, '+49301234567'],
    ['030/1234567', 'DE', '+49301234567'],
    ['01512 3456789', 'DE', '+4915123456789'],
    ['01 42 68 53 00', 'FR', '+33142685300'],
    ['06 12 34 56 78', 'FR', '+33612345678'],
    ['+33 6 12 34 56 78', null, '+33612345678'],
    ['(416) 555-0123', 'CA', '+14165550123'],
    ['(416) 555-0123', 'US', '+14165550123'],
    ['+61 2 9876 5432', null, '+61298765432'],
    ['91 123 45 67', 'ES', '+34911234567'],
    ['(11) 91234-5678', 'BR', '+5511912345678'],
    ['tel:+442079460958', null, '+442079460958'],
    [4155552671, 'US', '+14155552671'],
    ['+442079460958', 'FR', '+442079460958'],
  ])('%j with region %s → %s', (input, region, e164) => {
    const r = normalizePhone(input, region);
    expect(r.value).toBe(e164);
    expect(r.reasons[0]?.code).toBe('phone_e164');
  });

  it.each([
    ['+1 415 555 2671 ext. 123', 'US', 'phone_has_extension'],
    ['415-555-2671 x204', 'US', 'phone_has_extension'],
    ['(415) 555-2671', null, 'phone_needs_country'],
    ['030 1234567', null, 'phone_needs_country'],
    ['n/a', 'US', 'phone_invalid'],
    ['123', 'DE', 'phone_invalid'],
    ['0000000', 'US', 'phone_invalid'],
    ['+1 (555) 555-5555', null, 'phone_invalid'],
    ['+999 123456', null, 'phone_invalid'],
    ['+44 20 7946 0958 0958 0958', null, 'phone_invalid'],
    ['call me maybe', 'GB', 'phone_invalid'],
    ['📞📞📞', 'US', 'phone_invalid'],
    [null, 'US', 'phone_missing'],
    ['', 'US', 'phone_missing'],
    [{ number: '+14155552671' }, 'US', 'phone_not_text'],
    ['1'.repeat(300), 'US', 'phone_too_long'],
  ])('%j with region %s → null (%s)', (input, region, code) => {
    const r = normalizePhone(input, region);
    expect(r.value).toBeNull();
    expect(r.reasons.map((x) => x.code)).toEqual([code]);
  });

  it('ignores a region the library does not know', () => {
    expect(normalizePhone('+44 20 7946 0958', 'ZZ').value).toBe('+442079460958');
  });

  it('says why a number was left alone', () => {
    expect(normalizePhone('+1 415 555 2671 ext. 123', 'US').reasons[0]?.message).toMatchInlineSnapshot(
      `"The phone number is valid (+14155552671) but has extension 123, which E.164 cannot hold, so it was left as written."`,
    );
    expect(normalizePhone('123', 'DE').reasons[0]?.message).toMatchInlineSnapshot(
      `"The phone number is too short for DE, so it was left as written."`,
    );
  });

  it('always yields E.164 or null', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 30 }), fc.stringMatching(/^\+?[0-9 ()\-.]{0,20}$/)), fc.constantFrom(null, 'US', 'DE', 'GB', 'FR', 'BR', 'IN'), (text, region) => {
        const r = normalizePhone(text, region);
        expect(r.value === null || /^\+[1-9]\d{6,14}$/.test(r.value)).toBe(true);
        expect(r.reasons).toHaveLength(1);
      }),
      { numRuns: 400 },
    );
  });
});

describe('fastE164 agrees with libphonenumber-js', () => {
  const countries = getCountries();
  const mobile = examples as Record<string, string>;
  const library = (text: string, region: CountryCode | undefined): string | undefined => {
    const p = parsePhoneNumberFromString(text, region ? { defaultCountry: region } : {});
    return p?.isValid() ? p.number : undefined;
  };

  it('answers only when the library gives the same E.164', () => {
    const sample = fc.record({
      country: fc.constantFrom(...countries.filter((c) => mobile[c])),
      edits: fc.array(fc.tuple(fc.nat(15), fc.integer({ min: 0, max: 9 })), { maxLength: 3 }),
      trim: fc.integer({ min: -2, max: 1 }),
      shape: fc.constantFrom('plus', 'national', 'prefix0', 'prefix1', 'cc', 'paren', 'plus0'),
      region: fc.constantFrom<'same' | 'none' | 'other'>('same', 'same', 'none', 'other'),
      other: fc.constantFrom(...countries),
    });
    let answered = 0;
    fc.assert(
      fc.property(sample, ({ country, edits, trim, shape, region, other }) => {
        const digits = mobile[country]!.split('');
        for (const [at, d] of edits) if (at < digits.length) digits[at] = String(d);
        const nsn = digits.join('').slice(0, Math.max(2, digits.length + trim));
        const cc = getCountryCallingCode(country);
        const text = { plus: `+${cc} ${nsn}`, national: nsn, prefix0: `0${nsn}`, prefix1: `1 ${nsn}`, cc: `${cc}${nsn}`, paren: `(${nsn.slice(0, 3)}) ${nsn.slice(3)}`, plus0: `+${cc} (0) ${nsn}` }[shape];
        const r = region === 'same' ? country : region === 'other' ? other : undefined;
        const fast = fastE164(text, r);
        if (fast !== undefined) {
          answered++;
          expect(fast).toBe(library(text, r));
        }
      }),
      { numRuns: 3000 },
    );
    expect(answered).toBeGreaterThan(500);
  });
});
