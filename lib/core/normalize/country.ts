// Country → ISO 3166-1 alpha-2. One Map built at load from i18n-iso-countries
// (English, German, French, Spanish and Portuguese names), the alpha-2 and
// alpha-3 codes and common forms; a lookup is fold + Map.get, cached by raw text.
import countries from 'i18n-iso-countries/index.js';
import de from 'i18n-iso-countries/langs/de.json' with { type: 'json' };
import en from 'i18n-iso-countries/langs/en.json' with { type: 'json' };
import es from 'i18n-iso-countries/langs/es.json' with { type: 'json' };
import fr from 'i18n-iso-countries/langs/fr.json' with { type: 'json' };
import pt from 'i18n-iso-countries/langs/pt.json' with { type: 'json' };
import type { Stage } from '../types.ts';
import { BoundedCache, frozen, fold, quote, readText, unusableReason } from './text.ts';

const LOCALES = [en, de, fr, es, pt];
const MAX_COUNTRY = 100;

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
  'uae': 'AE', 'u a e': 'AE', 'emirates': 'AE', 'korea': 'KR', 'south korea': 'KR', 'russia': 'RU',
  'czech republic': 'CZ', 'czechia': 'CZ', 'turkey': 'TR', 'turkiye': 'TR', 'ivory coast': 'CI', 'vietnam': 'VN',
  'hong kong sar': 'HK', 'macau': 'MO', 'taiwan roc': 'TW', 'republic of ireland': 'IE', 'eire': 'IE',
  'mexique': 'MX', 'belgie': 'BE', 'belgique': 'BE', 'danmark': 'DK', 'sverige': 'SE', 'norge': 'NO', 'suomi': 'FI',
  'polska': 'PL', 'nippon': 'JP', 'prc': 'CN', 'mainland china': 'CN',
};

function buildLookup(): Map<string, string> {
  const lookup = new Map<string, string>();
  const add = (name: string, code: string): void => {
    const key = fold(name);
    // First writer wins: English names come first and common forms are added before locale names.
    if (key !== '' && !lookup.has(key)) lookup.set(key, code);
  };
  for (const [alpha2, alpha3] of Object.entries(countries.getAlpha2Codes())) {
    add(alpha2, alpha2);
    add(alpha3, alpha2);
  }
  for (const [name, code] of Object.entries(COMMON_FORMS)) add(name, code);
  for (const locale of LOCALES) {
    countries.registerLocale(locale);
    for (const [code, names] of Object.entries(countries.getNames(locale.locale, { select: 'all' }))) {
      for (const name of names) {
        add(name, code);
        if (/^the /i.test(name)) add(name.slice(4), code);
      }
    }
  }
  return lookup;
}

const LOOKUP: ReadonlyMap<string, string> = buildLookup();
const cache = new BoundedCache<Stage<string | null>>(5_000, MAX_COUNTRY);

/** The alpha-2 code for a folded country name or code, or null (exported for tests and other stages). */
export function countryCodeOf(name: string): string | null {
  return LOOKUP.get(fold(name)) ?? LOOKUP.get(fold(name).replace(/^the /, '')) ?? null;
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
