import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import countries from 'i18n-iso-countries/index.js';
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { countryCodeOf, normalizeCountry, normalizeState, stateCodeOf } from '../../../lib/core/normalize/index.ts';
import { COUNTRY_LOCALE_COUNT } from '../../../lib/core/normalize/country-locales.ts';

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

  it.each([
    // Italian
    ['Germania', 'DE'], ['Francia', 'FR'], ['Spagna', 'ES'], ['Regno Unito', 'GB'], ['Stati Uniti', 'US'], ['Paesi Bassi', 'NL'],
    ['Svizzera', 'CH'], ['Giappone', 'JP'], ['Cina', 'CN'],
    // Dutch
    ['Duitsland', 'DE'], ['Frankrijk', 'FR'], ['Spanje', 'ES'], ['Verenigd Koninkrijk', 'GB'], ['Verenigde Staten', 'US'],
    ['België', 'BE'], ['Zwitserland', 'CH'], ['Oostenrijk', 'AT'],
    // native names in other scripts
    ['日本', 'JP'], ['中国', 'CN'], ['대한민국', 'KR'], ['한국', 'KR'], ['ドイツ', 'DE'], ['Россия', 'RU'], ['Україна', 'UA'],
    ['Ελλάδα', 'GR'], ['ישראל', 'IL'], ['السعودية', 'SA'], ['भारत', 'IN'], ['ประเทศไทย', 'TH'], ['Việt Nam', 'VN'],
    // aliases
    ['KSA', 'SA'], ['Burma', 'MM'], ['Macedonia', 'MK'], ['Swaziland', 'SZ'], ['DRC', 'CD'], ['Zaire', 'CD'], ['UK', 'GB'],
    ['USA', 'US'], ['UAE', 'AE'], ['RSA', 'ZA'], ['East Timor', 'TL'], ['Cape Verde', 'CV'], ['Czechia', 'CZ'], ['Norway', 'NO'],
  ])('in any language: %j → %s', (input, code) => {
    expect(normalizeCountry(input).value).toBe(code);
  });

  it.each(['No', 'NO', 'N/A', 'n.a.', 'NA', 'none', 'None', '-', '--', 'unknown', 'Unknown', 'other', 'null', 'TBD', 'global', 'Worldwide'])(
    'never reads the word %j as a country', (input) => {
      expect(normalizeCountry(input).value).toBeNull();
    },
  );

  it('loads every locale i18n-iso-countries ships', () => {
    const shipped = readdirSync(fileURLToPath(new URL('../../../node_modules/i18n-iso-countries/langs', import.meta.url))).filter((f) => f.endsWith('.json'));
    expect(COUNTRY_LOCALE_COUNT).toBe(shipped.length);
  });

  it('answers a real ISO alpha-2 code or null for any text', () => {
    const valid = new Set([...Object.keys(countries.getAlpha2Codes()), 'XK']);
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 30 }), fc.string({ unit: 'grapheme', maxLength: 12 }), fc.constantFrom('Deutschland', '日本', 'Ελλάδα', 'KSA')), (text) => {
        const v = countryCodeOf(text);
        expect(v === null || valid.has(v)).toBe(true);
      }),
      { numRuns: 500 },
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

describe('stateCodeOf', () => {
  it.each([
    ['California', null, 'CA'], ['california', 'US', 'CA'], ['CA', 'US', 'CA'], ['ca', null, 'CA'], ['Québec', 'CA', 'QC'],
    ['Quebec', null, 'QC'], ['ON', 'CA', 'ON'], ['New York', 'US', 'NY'], ['Texas', 'CA', null], ['Bayern', null, null], ['', null, null],
  ])('%j (country %s) → %s', (text, country, code) => {
    expect(stateCodeOf(text, country)).toBe(code);
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
