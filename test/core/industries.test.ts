import { describe, expect, it } from 'vitest';
import { INDUSTRY_SECTORS, INDUSTRY_VALUES, industryLabel, industryPoints, industrySector, isKnownIndustry, nearestName } from '../../lib/core/industries.ts';
import { INDUSTRIES as EMULATOR_INDUSTRIES } from '../../local/emulator/store/standard-properties.ts';
import { parseRaw, rawDefaultConfig, testConfig } from './helpers.ts';

const config = testConfig();

describe('HubSpot industries', () => {
  it('knows every value of the picklist, each once, each in a sector', () => {
    expect(INDUSTRY_VALUES.length).toBeGreaterThanOrEqual(145);
    expect(new Set(INDUSTRY_VALUES).size).toBe(INDUSTRY_VALUES.length);
    for (const value of INDUSTRY_VALUES) {
      expect(value).toMatch(/^[A-Z0-9_]+$/);
      expect(INDUSTRY_SECTORS).toContain(industrySector(value));
    }
  });

  it.each([
    ['FINANCIAL_SERVICES', 'Financial services', 'financial_services'],
    ['COMPUTER_SOFTWARE', 'Computer software', 'technology'],
    ['Computer Software', 'Computer software', 'technology'],
    ['hospital & health care', 'Hospital and health care', 'healthcare_life_sciences'],
    ['E_LEARNING', 'E-learning', 'education'],
    ['SHIPBUILDING', 'Shipbuilding', 'manufacturing_industrial'],
    ['Underwater Basket Weaving', 'Underwater Basket Weaving', null],
  ])('%j → %j in %s', (value, label, sector) => {
    expect(industryLabel(value)).toBe(label);
    expect(industrySector(value)).toBe(sector);
  });

  it('gives every HubSpot industry points from the default config (sector or override), never the unknown fallback by accident', () => {
    const fit = config.scoring.fit;
    for (const value of INDUSTRY_VALUES) {
      const sector = industrySector(value)!;
      const expected = fit.industry[value] ?? fit.industrySectors[sector];
      expect(expected, value).toBeTypeOf('number');
      expect(industryPoints(value, fit)).toBe(expected);
    }
  });

  it.each([
    ['INTERNET', 12], ['COMPUTER_SOFTWARE', 15], ['Banking', 12], ['insurance', 10], ['RETAIL', 8], ['NON_PROFIT_ORGANIZATION_MANAGEMENT', 0],
    ['FARMING', 2], ['MANUFACTURING', 4], ['', 4],
  ])('%j scores %i with the default config', (value, points) => {
    expect(industryPoints(value, config.scoring.fit)).toBe(points);
  });

  it('covers the emulator\'s industry values', () => {
    // MANUFACTURING is not a HubSpot value (HubSpot splits it into machinery, industrial automation…); the emulator keeps it as custom data.
    const unknown = EMULATOR_INDUSTRIES.filter((v) => !isKnownIndustry(v) && v !== 'MANUFACTURING');
    expect(unknown).toEqual([]);
  });

  it.each([
    ['COMPUTER_SOFTWEAR', 'COMPUTER_SOFTWARE'], ['FINANCAL_SERVICES', 'FINANCIAL_SERVICES'], ['HOSPITAL_HEALTHCARE', 'HOSPITAL_HEALTH_CARE'],
  ])('suggests %s → %s', (wrong, right) => {
    expect(nearestName(wrong, INDUSTRY_VALUES)).toBe(right);
  });
});

describe('config: industry keys', () => {
  it.each([
    [(raw: ReturnType<typeof rawDefaultConfig>) => { raw.scoring.fit.industry['COMPUTER_SOFTWEAR'] = 3; },
      'scoring.fit.industry.COMPUTER_SOFTWEAR', '"COMPUTER_SOFTWEAR" is not a HubSpot industry value; did you mean "COMPUTER_SOFTWARE"?'],
    [(raw: ReturnType<typeof rawDefaultConfig>) => { raw.scoring.fit.industry['Banks'] = 3; },
      'scoring.fit.industry.Banks', '"Banks" is not a HubSpot industry value; did you mean "BANKING"?'],
    [(raw: ReturnType<typeof rawDefaultConfig>) => { raw.scoring.fit.industrySectors['tech'] = 3; },
      'scoring.fit.industrySectors.tech', '"tech" is not an industry sector; did you mean "technology"?'],
    [(raw: ReturnType<typeof rawDefaultConfig>) => { raw.classification.tracks[0]!.industries.push('INTERNETT'); },
      'classification.tracks.0.industries.2', '"INTERNETT" is not a HubSpot industry value; did you mean "INTERNET"?'],
  ])('rejects a misspelled key with its path and the nearest name (%#)', (patch, path, message) => {
    const raw = rawDefaultConfig();
    patch(raw);
    const r = parseRaw(raw, 'decisions.json');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues).toEqual([{ path, message }]);
  });

  it('accepts HubSpot values in any case and spacing', () => {
    const raw = rawDefaultConfig();
    raw.scoring.fit.industry['Computer Software'] = 3;
    expect(parseRaw(raw, 'decisions.json').ok).toBe(true);
  });
});
