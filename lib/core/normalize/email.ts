// Email validity: trimmed, lower-cased, and obviously broken forms rejected
// with a reason that says what is wrong (without repeating the address).
import type { Reason, Stage } from '../types.ts';
import { registrableDomain } from './company-key.ts';
import { BoundedCache, quote, readText, unusableReason } from './text.ts';

export interface NormalizedEmail {
  email: string | null;
  valid: boolean;
  domain: string | null;
}

const MAX_EMAIL = 254;
const MAX_LOCAL = 64;
const MAX_LABEL = 63;
// RFC 5322 "atext" plus dots; non-ASCII letters are allowed (SMTPUTF8 addresses).
const LOCAL_CHARS = /^[a-z0-9!#$%&'*+/=?^_`{|}~.\-\u0080-\uffff]+$/;
const LABEL = /^[a-z0-9\u0080-\uffff](?:[a-z0-9\-\u0080-\uffff]*[a-z0-9\u0080-\uffff])?$/;
const IPV4 = /^\d{1,3}(?:\.\d{1,3}){3}$/;
const WHITESPACE = /\s/;

function invalid(email: string | null, code: string, message: string): Stage<NormalizedEmail> {
  return { value: { email, valid: false, domain: null }, reasons: [{ code, message }] };
}

function badDots(part: string): boolean {
  return part.startsWith('.') || part.endsWith('.');
}

/** Checks the domain half; returns a failure reason or null. */
function domainProblem(domain: string): Reason | null {
  if (domain === '') return { code: 'email_domain_empty', message: 'The email has nothing after the @, so it is not valid.' };
  if (domain.startsWith('[') || IPV4.test(domain)) {
    return { code: 'email_domain_invalid', message: 'The email domain is an IP address, not a company or mail domain, so it is not valid.' };
  }
  if (badDots(domain)) return { code: 'email_dot_misplaced', message: 'The email domain starts or ends with a dot, so it is not valid.' };
  if (domain.includes('..')) return { code: 'email_consecutive_dots', message: 'The email domain has two dots in a row, so it is not valid.' };
  if (!domain.includes('.')) return { code: 'email_domain_no_dot', message: 'The email domain has no dot (like example.com), so it is not valid.' };
  const labels = domain.split('.');
  for (const label of labels) {
    if (label.length > MAX_LABEL || !LABEL.test(label)) {
      return { code: 'email_domain_invalid', message: 'The email domain has a part that is not a valid host name, so it is not valid.' };
    }
  }
  const tld = labels[labels.length - 1] ?? '';
  if (tld.length < 2 || /^\d+$/.test(tld)) {
    return { code: 'email_domain_invalid', message: 'The email domain does not end in a real top-level domain, so it is not valid.' };
  }
  // "jane@acme.con": well formed, but no mail can reach a top-level domain that does not exist.
  const host = registrableDomain(domain);
  if (!host.ok && (host.code === 'host_unknown_suffix' || host.code === 'host_is_public_suffix')) {
    return { code: 'email_unknown_tld', message: `The email domain ${quote(domain)} ${host.why}, so it is not valid.` };
  }
  return null;
}

const NO_PROBLEM: Reason = { code: 'email_valid', message: '' };
const domainCache = new BoundedCache<Reason>(20_000, MAX_EMAIL);

/** Domains repeat across contacts (company domains, gmail.com), so their verdict is cached. */
function cachedDomainProblem(domain: string): Reason | null {
  let verdict = domainCache.get(domain);
  if (verdict === undefined) {
    verdict = Object.freeze(domainProblem(domain) ?? NO_PROBLEM);
    domainCache.set(domain, verdict);
  }
  return verdict === NO_PROBLEM ? null : verdict;
}

const ANGLE = /<([^<>]*)>\s*$/;
const MAILTO = /^mailto:/i;

/**
 * The address inside the forms people paste: `Jane Doe <jane@acme.com>`,
 * `"Doe, Jane" <jane@acme.com>`, `mailto:jane@acme.com?subject=Hi`. Null when
 * the text is a bare address already.
 */
function unwrap(text: string): string | null {
  // Most values are bare addresses: two character checks keep them off the regexes.
  const first = text.charCodeAt(0);
  if (!text.includes('<') && first !== 109 && first !== 77) return null; // no "<", does not start with m/M
  let inner = text;
  const angle = inner.includes('<') ? ANGLE.exec(inner) : null;
  if (angle) inner = (angle[1] ?? '').trim();
  if (MAILTO.test(inner)) {
    inner = inner.slice(7);
    const query = inner.indexOf('?');
    if (query >= 0) inner = inner.slice(0, query);
    try {
      inner = decodeURIComponent(inner).trim();
    } catch {
      inner = inner.trim();
    }
  }
  return inner === text ? null : inner;
}

/** Validates and lower-cases one email value. Never throws. */
export function normalizeEmail(value: unknown): Stage<NormalizedEmail> {
  const read = readText(value, MAX_EMAIL);
  if (read.kind === 'missing') return invalid(null, 'email_missing', 'No email address on the record.');
  if (read.kind !== 'text') {
    const reason = unusableReason(read, 'email', 'email');
    return { value: { email: null, valid: false, domain: null }, reasons: reason ? [reason] : [] };
  }
  const unwrapped = unwrap(read.text);
  if (unwrapped === '') return invalid(null, 'email_no_address', 'The email field holds a name or link without an address, so it is not valid.');
  const email = (unwrapped ?? read.text).toLowerCase();
  const result = validate(email);
  if (unwrapped === null || !result.value.valid) return result;
  const form = MAILTO.test(read.text) ? 'a mailto: link' : 'a "Name <address>" form';
  return { value: result.value, reasons: [{ code: 'email_valid', message: `The email is valid (domain ${result.value.domain}), read from ${form}.` }] };
}

function validate(email: string): Stage<NormalizedEmail> {
  if (WHITESPACE.test(email)) return invalid(email, 'email_has_spaces', 'The email contains spaces, so it is not valid.');
  const at = email.indexOf('@');
  if (at < 0) return invalid(email, 'email_missing_at', 'The email has no @ sign, so it is not valid.');
  if (email.indexOf('@', at + 1) >= 0) return invalid(email, 'email_multiple_at', 'The email has more than one @ sign, so it is not valid.');
  const local = email.slice(0, at);
  const domain = email.slice(at + 1);
  if (local === '') return invalid(email, 'email_local_empty', 'The email has nothing before the @, so it is not valid.');
  if (local.length > MAX_LOCAL) return invalid(email, 'email_too_long', `The part before the @ is longer than ${MAX_LOCAL} characters, so it is not valid.`);
  if (badDots(local)) return invalid(email, 'email_dot_misplaced', 'The part before the @ starts or ends with a dot, so it is not valid.');
  if (local.includes('..')) return invalid(email, 'email_consecutive_dots', 'The part before the @ has two dots in a row, so it is not valid.');
  if (!LOCAL_CHARS.test(local)) return invalid(email, 'email_invalid_characters', 'The part before the @ contains characters an email cannot have, so it is not valid.');
  const problem = cachedDomainProblem(domain);
  if (problem) return { value: { email, valid: false, domain: null }, reasons: [problem] };
  return {
    value: { email, valid: true, domain },
    reasons: [{ code: 'email_valid', message: `The email is valid (domain ${domain}).` }],
  };
}
