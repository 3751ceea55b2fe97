import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizeCountry, normalizeState } from '../../../lib/core/normalize/index.ts';

describe('normalizeCountry', () => {
  it.each([
    ['US', 'US'], ['us', 'US'], ['USA', 'US'], ['U.S.A.', 'US'], ['U.S.', 'US'], ['United States', 'US'],
    ['United States of America', 'US'], ['united states of america ', 'US'], ['Estados Unidos', 'US'], ['Vereinigte Staaten', 'US'],
    ['États-Unis', 'US'], ['UK', 'GB'], ['U.K.', 'GB'], ['GB', 'GB'], ['GBR', 'GB'], ['Great Britain', 'GB'], ['England', 'GB'],
    ['Scotland', 'GB'], ['United Kingdom', 'GB'], ['Royaume-Uni', 'GB'], ['Reino Unido', 'GB'], ['Vereinigtes Königreich', 'GB'],
    ['Germany', 'DE'], ['Deutschland', 'DE'], ['DEUTSCHLAND', 'DE'], ['Allemagne', 'DE'], ['Alemania', 'DE'], ['Alemanha', 'DE'],
    ['DEU', 'DE'], ['de', 'DE'], ['Spain', 'ES'], ['España', 'ES'], ['Espana', 'ES'], ['Espagne', 'ES'], ['Spanien', 'ES'],
    ['Brasil', 'BR'], ['Brazil', 'BR'], ['Brésil', 'BR'], ['Holland', 'NL'], ['The Netherlands', 'NL'], ['Netherlands', 'NL'],
    ['Pays-Bas', 'NL'], ['Países Bajos', 'NL'], ['France', 'FR'], ['FRA', 'FR'], ['Frankreich', 'FR'], ['Österreich', 'AT'],
    ['Schweiz', 'CH'], ['Suisse', 'CH'], ['Switzerland', 'CH'], ['México', 'MX'], ['Japon', 'JP'], ['Japão', 'JP'],
    ['South Korea', 'KR'], ['Korea, Republic of', 'KR'], ['Côte d’Ivoire', 'CI'], ["Cote d'Ivoire", 'CI'], ['Ivory Coast', 'CI'],
    ['UAE', 'AE'], ['Czech Republic', 'CZ'], ['Türkiye', 'TR'], ['Turkey', 'TR'], ['Russia', 'RU'], ['Viet Nam', 'VN'],
    ['  canada  ', 'CA'], ['CAN', 'CA'], ['Ireland', 'IE'], ['India', 'IN'], ['IND', 'IN'],
  ])('%j → %s', (input, code) => {
    const r = normalizeCountry(input);
    expect(r.value).toBe(code);
    expect(r.reasons[0]?.code).toBe('country_recognized');
  });

  it.each([
    ['Narnia', 'country_unknown'], ['Europe', 'country_unknown'], ['EMEA', 'country_unknown'], ['XX', 'country_unknown'],
    ['123', 'country_unknown'], [840, 'country_unknown'], ['-', 'country_unknown'], [null, 'country_missing'], ['', 'country_missing'],
    [[], 'country_not_text'], [{ code: 'DE' }, 'country_not_text'], ['x'.repeat(500), 'country_too_long'],
  ])('%j → null (%s)', (input, code) => {
    const r = normalizeCountry(input);
    expect(r.value).toBeNull();
    expect(r.reasons.map((x) => x.code)).toEqual([code]);
  });

  it('pins the reason wording', () => {
    expect(normalizeCountry('Deutschland').reasons[0]?.message).toMatchInlineSnapshot(`"Country “Deutschland” is DE."`);
    expect(normalizeCountry('Narnia').reasons[0]?.message).toMatchInlineSnapshot(
      `"Country “Narnia” is not a country we recognise, so no country code."`,
    );
  });

  it('returns two upper-case letters or null for any text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 40 }), (text) => {
        const v = normalizeCountry(text).value;
        expect(v === null || /^[A-Z]{2}$/.test(v)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });
});

describe('normalizeState', () => {
  it.each([
    ['California', 'US', 'CA'], ['california', 'US', 'CA'], ['ca', 'US', 'CA'], ['CA', 'US', 'CA'], ['Calif.', 'US', 'CA'],
    ['New York', 'US', 'NY'], ['N.Y.', 'US', 'NY'], ['ny', 'US', 'NY'], ['Washington, D.C.', 'US', 'DC'], ['Texas', 'US', 'TX'],
    ['Massachusetts', 'US', 'MA'], ['Puerto Rico', 'US', 'PR'], ['Québec', 'CA', 'QC'], ['Quebec', 'CA', 'QC'], ['qc', 'CA', 'QC'],
    ['Ontario', 'CA', 'ON'], ['British Columbia', 'CA', 'BC'], ['Colombie-Britannique', 'CA', 'BC'], ['Île-du-Prince-Édouard', 'CA', 'PE'],
    ['Newfoundland', 'CA', 'NL'], ['California', null, 'CA'], ['Québec', null, 'QC'],
  ])('%j in %s → %s', (input, country, code) => {
    const r = normalizeState(input, country);
    expect(r.value).toBe(code);
    expect(r.reasons[0]?.code).toBe('state_recognized');
  });

  it.each([
    ['Bayern', 'DE', 'Bayern', 'state_kept'], ['  Île-de-France ', 'FR', 'Île-de-France', 'state_kept'],
    ['CA', 'DE', 'CA', 'state_kept'], ['ca', null, 'ca', 'state_kept'], ['NSW', 'AU', 'NSW', 'state_kept'],
    ['Ontario', 'US', null, 'state_unknown'], ['California', 'CA', null, 'state_unknown'], ['Californai', 'US', null, 'state_unknown'],
    [null, 'US', null, 'state_missing'], [' ', 'DE', null, 'state_missing'], [12, 'US', null, 'state_unknown'], [{}, 'US', null, 'state_not_text'],
  ])('%j in %s → %j (%s)', (input, country, value, code) => {
    const r = normalizeState(input, country);
    expect(r.value).toBe(value);
    expect(r.reasons.map((x) => x.code)).toEqual([code]);
  });

  it('pins the reason wording', () => {
    expect(normalizeState('Ontario', 'US').reasons[0]?.message).toMatchInlineSnapshot(`"“Ontario” is not a US state, so no state code."`);
  });
});
