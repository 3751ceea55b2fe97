// Country → ISO 3166-1 alpha-2. One Map, built on the first lookup, from every
// locale i18n-iso-countries ships (names in any script: 日本, Россия, Ελλάδα),
// the alpha-2 and alpha-3 codes and common forms and aliases; a lookup is
// fold + Map.get, cached by raw text.
import countries from 'i18n-iso-countries/index.js';
import type { Stage } from '../types.ts';
import { COUNTRY_LOCALES } from './country-locales.ts';
import { BoundedCache, frozen, fold, quote, readText, unusableReason } from './text.ts';

const MAX_COUNTRY = 100;

/**
 * Values people put in a country field that mean "no country". Some are also
 * codes ("NO" is Norway, "NA" Namibia), but as a whole field they far more
 * often mean "no" or "n/a", so they never match.
 */
const NOT_A_COUNTRY: ReadonlySet<string> = new Set([
  'no', 'na', 'n a', 'none', 'null', 'nil', 'unknown', 'other', 'others', 'not applicable', 'not available', 'tbd', 'n d', 'nd',
  'test', 'x', 'xx', 'xxx', 'any', 'all', 'global', 'worldwide', 'international', 'keine', 'aucun', 'ninguno', 'nenhum',
]);

/** Forms people type that the locale files do not carry (folded: lower case, no accents or punctuation). */
const COMMON_FORMS: Record<string, string> = {
  'america': 'US', 'united states of america': 'US', 'etats unis': 'US', 'viet nam': 'VN', 'grande bretagne': 'GB', 'estados unidos da america': 'US', 'usa': 'US', 'us': 'US', 'u s a': 'US', 'the states': 'US',
  'uk': 'GB', 'u k': 'GB', 'great britain': 'GB', 'britain': 'GB', 'england': 'GB', 'scotland': 'GB', 'wales': 'GB',
  'northern ireland': 'GB', 'united kingdom of great britain and northern ireland': 'GB', 'grossbritannien': 'GB',
  'angleterre': 'GB', 'inglaterra': 'GB', 'gran bretana': 'GB', 'gra bretanha': 'GB',
  'holland': 'NL', 'the netherlands': 'NL', 'nederland': 'NL', 'hollande': 'NL', 'holanda': 'NL',
  'deutschland': 'DE', 'allemagne': 'DE', 'germany': 'DE', 'brd': 'DE', 'federal republic of germany': 'DE',
  'espana': 'ES', 'espagne': 'ES', 'spanien': 'ES', 'brasil': 'BR', 'brasilien': 'BR', 'bresil': 'BR',
  'schweiz': 'CH', 'suisse': 'CH', 'svizzera': 'CH', 'osterreich': 'AT', 'italia': 'IT', 'italien': 'IT',
  'uae': 'AE', 'u a e': 'AE', 'stati uniti': 'US', 'stati uniti d america': 'US', 'verenigde staten van amerika': 'US', 'emirates': 'AE', 'korea': 'KR', 'south korea': 'KR', 'russia': 'RU',
  'czech republic': 'CZ', 'czechia': 'CZ', 'turkey': 'TR', 'turkiye': 'TR', 'ivory coast': 'CI', 'vietnam': 'VN',
  'hong kong sar': 'HK', 'macau': 'MO', 'taiwan roc': 'TW', 'republic of ireland': 'IE', 'eire': 'IE',
  'mexique': 'MX', 'belgie': 'BE', 'belgique': 'BE', 'danmark': 'DK', 'sverige': 'SE', 'norge': 'NO', 'suomi': 'FI',
  'polska': 'PL', 'nippon': 'JP', 'prc': 'CN', 'mainland china': 'CN',
  // Aliases: former names, short forms and abbreviations.
  'ksa': 'SA', 'saudi': 'SA', 'kingdom of saudi arabia': 'SA', 'burma': 'MM', 'macedonia': 'MK', 'fyrom': 'MK',
  'swaziland': 'SZ', 'drc': 'CD', 'dr congo': 'CD', 'd r congo': 'CD', 'zaire': 'CD', 'congo kinshasa': 'CD',
  'congo brazzaville': 'CG', 'republic of the congo': 'CG', 'rsa': 'ZA', 'dprk': 'KP', 'north korea': 'KP', 'rok': 'KR',
  'republic of korea': 'KR', 'roc': 'TW', 'east timor': 'TL', 'cape verde': 'CV', 'holy see': 'VA', 'vatican': 'VA',
  'czech': 'CZ', 'persia': 'IR', 'iran': 'IR', 'syria': 'SY', 'laos': 'LA', 'moldova': 'MD', 'bolivia': 'BO',
  'venezuela': 'VE', 'tanzania': 'TZ', 'palestine': 'PS', 'brunei': 'BN', 'micronesia': 'FM', 'nz': 'NZ', 'aotearoa': 'NZ',
  'united arab emirates': 'AE', 'kosovo': 'XK', 'bosnia': 'BA', 'herzegovina': 'BA', 'st lucia': 'LC',
  'st kitts': 'KN', 'st vincent': 'VC', 'trinidad': 'TT', 'antigua': 'AG', 'hk': 'HK', 'sg': 'SG', 'espanya': 'ES',
  // Endonyms the locale files spell differently.
  '한국': 'KR', '남한': 'KR', 'ประเทศไทย': 'TH', 'nihon': 'JP', 'zhongguo': 'CN', 'bharat': 'IN', 'hellas': 'GR', 'rossiya': 'RU',
  'magyarorszag': 'HU', 'hrvatska': 'HR', 'slovensko': 'SK', 'eesti': 'EE', 'latvija': 'LV', 'lietuva': 'LT', 'island': 'IS',
};

function buildLookup(): Map<string, string> {
  const lookup = new Map<string, string>();
  const add = (name: string, code: string): void => {
    const key = fold(name);
    // First writer wins: codes and common forms first, then the locales in COUNTRY_LOCALES order.
    if (key !== '' && !lookup.has(key) && !NOT_A_COUNTRY.has(key)) lookup.set(key, code);
  };
  for (const [alpha2, alpha3] of Object.entries(countries.getAlpha2Codes())) {
    add(alpha2, alpha2);
    add(alpha3, alpha2);
  }
  for (const [name, code] of Object.entries(COMMON_FORMS)) add(name, code);
  // Read straight from the locale data (not registerLocale + getNames): no second copy of ~80 locales stays in memory.
  for (const locale of COUNTRY_LOCALES) {
    for (const [code, names] of Object.entries(locale.countries)) {
      for (const name of typeof names === 'string' ? [names] : names) {
        add(name, code);
        if (/^the /i.test(name)) add(name.slice(4), code);
      }
    }
  }
  return lookup;
}

// Built once, on the first lookup: ~80 locales take a few tens of milliseconds that most commands never need.
let lookupTable: ReadonlyMap<string, string> | null = null;
const cache = new BoundedCache<Stage<string | null>>(5_000, MAX_COUNTRY);

/** The alpha-2 code for a country name or code in any language, or null (exported for tests and other stages). */
export function countryCodeOf(name: string): string | null {
  lookupTable ??= buildLookup();
  const key = fold(name);
  if (NOT_A_COUNTRY.has(key)) return null;
  return lookupTable.get(key) ?? lookupTable.get(key.replace(/^the /, '')) ?? null;
}

/** Normalizes a country value ("Deutschland", "U.S.A.", "gbr", "España") to ISO alpha-2. Never throws. */
export function normalizeCountry(value: unknown): Stage<string | null> {
  const read = readText(value, MAX_COUNTRY);
  if (read.kind === 'missing') return { value: null, reasons: [{ code: 'country_missing', message: 'No country on the record.' }] };
  if (read.kind !== 'text') {
    const reason = unusableReason(read, 'country', 'country');
    return { value: null, reasons: reason ? [reason] : [] };
  }
  const hit = cache.get(read.text);
  if (hit) return hit;
  const code = countryCodeOf(read.text);
  const result: Stage<string | null> = code
    ? { value: code, reasons: [{ code: 'country_recognized', message: `Country ${quote(read.text)} is ${code}.` }] }
    : { value: null, reasons: [{ code: 'country_unknown', message: `Country ${quote(read.text)} is not a country we recognise, so no country code.` }] };
  cache.set(read.text, frozen(result));
  return result;
}
