// A fast path for the common phone shapes ("+44 20 7946 0958", "030 1234567"
// with DE), using libphonenumber-js's own metadata with regexes compiled once.
// The library builds a new RegExp for every pattern check (~12 µs a number);
// this path answers in about a microsecond. It only ever answers "valid, and
// here is the E.164": anything unusual returns undefined and goes to the
// library. A property test checks it agrees with the library.
import { Metadata } from 'libphonenumber-js/core';
import metadataJson from 'libphonenumber-js/metadata.max.json';

interface TypeDefinition { pattern(): string; possibleLengths(): number[] | undefined }
interface NumberingPlan {
  callingCode(): string;
  IDDPrefix(): string;
  nationalNumberPattern(): string;
  possibleLengths(): number[] | undefined;
  nationalPrefix(): string | undefined;
  nationalPrefixForParsing(): string | undefined;
  nationalPrefixTransformRule(): string | undefined;
  leadingDigits(): string | undefined;
  hasTypes(): boolean;
  type(name: string): TypeDefinition | undefined;
}
interface MetadataApi {
  hasCountry(country: string): boolean;
  selectNumberingPlan(country: string): void;
  numberingPlan: NumberingPlan;
  getCountryCodesForCallingCode(callingCode: string): string[] | undefined;
}

interface CompiledType { pattern: RegExp; lengths: readonly number[] | null }
interface Plan {
  callingCode: string;
  idd: RegExp;
  general: RegExp;
  possibleLengths: readonly number[] | null;
  nationalPrefix: RegExp | null;
  hasTransformRule: boolean;
  leading: RegExp | null;
  /** Fixed line first, then the other types, as the library checks them. */
  types: readonly CompiledType[];
}

const TYPE_ORDER = ['FIXED_LINE', 'MOBILE', 'PREMIUM_RATE', 'TOLL_FREE', 'SHARED_COST', 'VOIP', 'PERSONAL_NUMBER', 'PAGER', 'UAN', 'VOICEMAIL'];
const MIN_NSN = 2;
const MAX_NSN = 17;

const metadata = new Metadata(metadataJson) as unknown as MetadataApi;
const plans = new Map<string, Plan | null>();

const entire = (pattern: string): RegExp => new RegExp(`^(?:${pattern})$`);

function compile(country: string): Plan | null {
  if (!metadata.hasCountry(country)) return null;
  metadata.selectNumberingPlan(country);
  const p = metadata.numberingPlan;
  if (!p.hasTypes()) return null;
  const types: CompiledType[] = [];
  for (const name of TYPE_ORDER) {
    const t = p.type(name);
    if (t && t.pattern()) types.push({ pattern: entire(t.pattern()), lengths: t.possibleLengths() ?? null });
  }
  const prefix = p.nationalPrefixForParsing();
  const leading = p.leadingDigits();
  return {
    callingCode: p.callingCode(),
    idd: new RegExp(`^(?:${p.IDDPrefix()})`),
    general: entire(p.nationalNumberPattern()),
    possibleLengths: p.possibleLengths() ?? null,
    nationalPrefix: prefix ? new RegExp(`^(?:${prefix})`) : null,
    hasTransformRule: Boolean(p.nationalPrefixTransformRule()),
    leading: leading ? new RegExp(`^(?:${leading})`) : null,
    types,
  };
}

function planOf(country: string): Plan | null {
  let plan = plans.get(country);
  if (plan === undefined) {
    plan = compile(country);
    plans.set(country, plan);
  }
  return plan;
}

function hasType(nsn: string, plan: Plan): boolean {
  if (!plan.general.test(nsn)) return false;
  for (const t of plan.types) {
    if (t.lengths && !t.lengths.includes(nsn.length)) continue;
    if (t.pattern.test(nsn)) return true;
  }
  return false;
}

/**
 * The digits of a plainly written number (an optional leading "+", then digits, spaces,
 * brackets, dots, dashes and slashes), or undefined for any other shape: one pass where a
 * shape regex and a digit-stripping regex cost a tenth of the fast path (measured).
 */
function simpleDigits(text: string): string | undefined {
  const len = text.length;
  if (len === 0) return undefined;
  let digits = '';
  let start = text.charCodeAt(0) === 43 ? 1 : 0; // '+'
  if (start === len) return undefined;
  for (let i = start; i < len; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) continue;
    // space ( ) - . /
    if (c !== 32 && c !== 40 && c !== 41 && c !== 45 && c !== 46 && c !== 47) return undefined;
    if (i > start) digits += text.slice(start, i);
    start = i + 1;
  }
  return start < len ? digits + text.slice(start) : digits;
}

// Set by exactCountry when it picked the country by checking the number's types against that
// country's plan, so the caller need not run the same (large) patterns again.
let typesChecked = false;

/** The country that claims the number among those sharing a calling code, as the library picks it. */
function exactCountry(callingCode: string, nsn: string): string | undefined {
  typesChecked = false;
  const countries = metadata.getCountryCodesForCallingCode(callingCode);
  if (!countries || countries.length === 0) return undefined;
  if (countries.length === 1) return countries[0];
  for (const country of countries) {
    const plan = planOf(country);
    if (!plan) return undefined;
    if (plan.leading) {
      if (plan.leading.test(nsn)) return country;
    } else if (hasType(nsn, plan)) {
      typesChecked = true;
      return country;
    }
  }
  return undefined;
}

/** Strips the national prefix ("0" in DE, "1" in the US) the way the library does, or undefined to give up. */
function stripNationalPrefix(number: string, plan: Plan): string | undefined {
  if (!plan.nationalPrefix) return number;
  const m = plan.nationalPrefix.exec(number);
  if (!m) return number;
  if (m.length > 1 && m[m.length - 1] !== undefined && plan.hasTransformRule) return undefined;
  return number.slice(m[0].length);
}

/**
 * E.164 for a plainly written, valid number; undefined when unsure (then the
 * library decides). `region` is an ISO alpha-2 code the library supports, or undefined.
 */
export function fastE164(text: string, region: string | undefined): string | undefined {
  const digits = simpleDigits(text);
  if (digits === undefined) return undefined;
  const international = text.charCodeAt(0) === 43; // '+'

  let callingCode: string | undefined;
  let number: string;
  let numberingPlan: Plan | null;
  if (international) {
    for (let i = 1; i <= 3 && !callingCode; i++) {
      const candidate = digits.slice(0, i);
      if (metadata.getCountryCodesForCallingCode(candidate)) callingCode = candidate;
    }
    if (!callingCode) return undefined;
    number = digits.slice(callingCode.length);
    const main = metadata.getCountryCodesForCallingCode(callingCode)?.[0];
    numberingPlan = main ? planOf(main) : null;
  } else {
    if (!region) return undefined;
    numberingPlan = planOf(region);
    // Numbers dialled with an international prefix or written with the country
    // code but no "+" take the library's longer road.
    if (!numberingPlan || numberingPlan.idd.test(digits) || digits.startsWith(numberingPlan.callingCode)) return undefined;
    callingCode = numberingPlan.callingCode;
    number = digits;
  }
  if (!numberingPlan) return undefined;
  const nsn = stripNationalPrefix(number, numberingPlan);
  if (nsn === undefined || nsn.length < MIN_NSN || nsn.length > MAX_NSN) return undefined;
  // The library keeps the prefix when the stripped number no longer fits the plan it stripped with.
  if (nsn !== number && !numberingPlan.general.test(nsn)) return undefined;
  const claimed = exactCountry(callingCode, nsn);
  const country = claimed ?? (international ? undefined : region);
  const plan = country ? planOf(country) : null;
  if (!plan) return undefined;
  if (plan.possibleLengths && !plan.possibleLengths.includes(nsn.length)) return undefined;
  return (claimed !== undefined && typesChecked) || hasType(nsn, plan) ? `+${callingCode}${nsn}` : undefined;
}
