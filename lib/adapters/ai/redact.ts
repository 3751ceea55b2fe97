// PII redaction for anything that may reach an AI provider. Pure functions.

const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.[\p{L}]{2,}/gu;
// Runs of 7+ digits with the usual separators, optionally with a leading + or (area code).
const PHONE = /(?:\+|\b00)?\(?\d[\d\s().\-/]{5,}\d\b(?:\s*(?:x|ext\.?)\s*\d{1,5})?/gi;
const SUFFIXES = ['street', 'st', 'avenue', 'ave', 'road', 'rd', 'boulevard', 'blvd', 'lane', 'ln', 'drive', 'dr', 'court', 'ct', 'way',
  'place', 'pl', 'square', 'sq', 'terrace', 'parkway', 'pkwy', 'highway', 'hwy', 'rue', 'via', 'calle'];
// Either case for the first letter: "Main Street", "main street".
const STREET_SUFFIX = SUFFIXES.map((s) => `[${s[0]!.toUpperCase()}${s[0]}]${s.slice(1)}`).join('|');
// "123 Main Street", "4B Elm Rd., Apt 5": a number, up to four capitalised words, a street word.
const STREET = new RegExp(`\\b\\d{1,6}[a-zA-Z]?\\s+(?:[\\p{Lu}][\\p{L}'.-]*\\s+){0,4}(?:${STREET_SUFFIX})\\b\\.?(?:,?\\s*(?:[Aa]pt|[Ss]uite|[Ss]te|[Uu]nit|#)\\s*\\w+)?`, 'gu');
// "Hauptstraße 5", "Kingstrasse 12": the street word glued to the name, number after.
const STREET_NUMBER_AFTER = /\b[\p{L}'-]+(?:straße|strasse|str\.|weg|gasse|platz|laan|straat|gatan|vej)\s+\d{1,5}[a-z]?\b/giu;
const PO_BOX = /\bp\.?\s?o\.?\s?box\s+\d+\b/gi;
const POSTCODE_UK = /\b[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}\b/g;
// "My name is Jane Doe", "I'm Jane", "this is Jane Doe": the capitalised words after the lead-in.
const SELF_NAME = /\b((?:[Mm]y name(?: is|'s)|[Ii] am called|[Ii]'m called|[Tt]his is|[Nn]ame:|[Ii] am|[Ii]'m|[Ii]ch bin|[Jj]e m'appelle|[Mm]e llamo))\s+(?:[\p{Lu}][\p{L}'-]+)(?:\s+[\p{Lu}][\p{L}'-]+){0,2}/gu;
const YEAR_RANGE = /^(?:19|20)\d\d\s*[-–/]\s*(?:19|20)\d\d$/;
const URL = /\b(?:https?:\/\/|www\.)[^\s<>"']+/gi;

export interface RedactOptions {
  /** Words known to be the person's name (firstname / lastname values). */
  names?: readonly string[];
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Name parts worth redacting: each word of firstname/lastname of 2+ letters. */
export function nameTerms(values: readonly unknown[]): string[] {
  const terms = new Set<string>();
  for (const value of values) {
    if (typeof value !== 'string') continue;
    for (const word of value.split(/[\s,]+/)) {
      const w = word.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, '');
      if (w.length >= 2) terms.add(w);
    }
  }
  return [...terms].sort((a, b) => b.length - a.length);
}

/** Replaces emails, phone numbers, person names, street addresses and URLs with placeholders. */
export function redactPii(text: string, options: RedactOptions = {}): string {
  let out = text
    .replace(EMAIL, '[email]')
    .replace(URL, '[url]')
    .replace(SELF_NAME, (_m, lead: string) => `${lead} [name]`)
    .replace(PO_BOX, '[address]')
    .replace(STREET, '[address]')
    .replace(STREET_NUMBER_AFTER, '[address]')
    .replace(POSTCODE_UK, '[address]')
    .replace(PHONE, (match) => (match.replace(/\D/g, '').length >= 7 && !YEAR_RANGE.test(match) ? '[phone]' : match));
  for (const term of options.names ?? []) {
    out = out.replace(new RegExp(`(?<![\\p{L}])${escapeRegExp(term)}(?![\\p{L}])`, 'giu'), '[name]');
  }
  return out;
}
