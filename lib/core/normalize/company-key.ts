// normalized_company_key: the registrable domain (public-suffix aware) from the
// company's domain, else the contact's website, else a non-free-mail email domain.
import { parse } from 'tldts';
import type { Reason, Stage } from '../types.ts';
import { isFreeMailDomain } from './free-mail.ts';
import { BoundedCache, quote, readText } from './text.ts';
import { blockedWebsiteKind, WEBSITE_KIND_LABELS } from './website-blocklist.ts';

/** A host reduced to its registrable domain, or why it cannot be one. */
export type HostResult =
  | { ok: true; domain: string; hostname: string }
  | { ok: false; code: 'host_is_ip' | 'host_is_localhost' | 'host_unknown_suffix' | 'host_is_public_suffix' | 'host_invalid'; why: string };

const MAX_HOST_INPUT = 2048;
// Private suffixes count (acme.github.io is Acme's, not GitHub's).
const TLDTS_OPTIONS = { allowPrivateDomains: true, validateHosts: true, detectIp: true } as const;
const NON_ASCII = /[^\x00-\x7f]/; // eslint-disable-line no-control-regex
const hostCache = new BoundedCache<HostResult>(20_000);

/** Turns a unicode host into its ASCII (punycode) form so one company has one key. */
function toAscii(hostname: string): string | null {
  if (!NON_ASCII.test(hostname)) return hostname;
  try {
    return new URL(`http://${hostname}`).hostname;
  } catch {
    return null;
  }
}

/**
 * Multi-tenant hosts whose first label is the customer: contoso.onmicrosoft.com
 * is Contoso's Microsoft 365 tenant, not Microsoft. The key keeps the tenant
 * label; "mail." tenant forms fold into the plain tenant host.
 */
const TENANT_SUFFIXES: readonly (readonly [suffix: string, canonical: string])[] = [
  ['mail.onmicrosoft.com', 'onmicrosoft.com'], ['onmicrosoft.com', 'onmicrosoft.com'], ['sharepoint.com', 'sharepoint.com'],
  ['atlassian.net', 'atlassian.net'], ['zendesk.com', 'zendesk.com'], ['my.salesforce.com', 'my.salesforce.com'],
  ['okta.com', 'okta.com'], ['slack.com', 'slack.com'], ['freshdesk.com', 'freshdesk.com'],
];

/** "contoso.mail.onmicrosoft.com" → "contoso.onmicrosoft.com"; null when the host is not under a tenant suffix. */
function tenantDomain(hostname: string): string | null {
  for (const [suffix, canonical] of TENANT_SUFFIXES) {
    if (!hostname.endsWith(`.${suffix}`)) continue;
    const labels = hostname.slice(0, -suffix.length - 1).split('.');
    // SharePoint's OneDrive host is "<tenant>-my".
    const tenant = (labels[labels.length - 1] ?? '').replace(/-my$/, '');
    return tenant === '' || tenant === 'www' ? null : `${tenant}.${canonical}`;
  }
  return null;
}

function computeHost(input: string): HostResult {
  const parsed = parse(input.toLowerCase(), TLDTS_OPTIONS);
  if (parsed.isIp) return { ok: false, code: 'host_is_ip', why: 'is an IP address, not a company domain' };
  const hostname = parsed.hostname;
  if (!hostname) return { ok: false, code: 'host_invalid', why: 'is not a valid domain name' };
  if (hostname === 'localhost' || hostname.endsWith('.localhost')) {
    return { ok: false, code: 'host_is_localhost', why: 'points at the local machine, not a company' };
  }
  if (!parsed.isIcann && !parsed.isPrivate) {
    return { ok: false, code: 'host_unknown_suffix', why: 'does not end in a known public suffix (like .com or .co.uk)' };
  }
  if (!parsed.domain) return { ok: false, code: 'host_is_public_suffix', why: 'is only a public suffix, not a company domain' };
  const domain = toAscii(tenantDomain(hostname) ?? parsed.domain);
  const asciiHost = toAscii(hostname);
  if (!domain || !asciiHost) return { ok: false, code: 'host_invalid', why: 'is not a valid domain name' };
  return { ok: true, domain, hostname: asciiHost };
}

/**
 * Registrable domain of a domain, host or URL: "https://www.Acme.com/about?x" →
 * "acme.com", "mail.acme.co.uk" → "acme.co.uk". Cached by the raw string.
 */
export function registrableDomain(input: string): HostResult {
  const hit = hostCache.get(input);
  if (hit) return hit;
  const result = input.length > MAX_HOST_INPUT ? { ok: false as const, code: 'host_invalid' as const, why: 'is too long to be a domain' } : computeHost(input);
  hostCache.set(input, result);
  return result;
}

interface EmailDomainInfo { host: HostResult; isFreeMail: boolean }
const emailDomainCache = new BoundedCache<EmailDomainInfo>(20_000);

/** Registrable domain and free-mail verdict of an email domain, cached: domains repeat across contacts. */
function emailDomainInfo(domain: string): EmailDomainInfo {
  let info = emailDomainCache.get(domain);
  if (!info) {
    const host = registrableDomain(domain);
    info = { host, isFreeMail: isFreeMailDomain(domain, host.ok ? host.domain : null) };
    emailDomainCache.set(domain, info);
  }
  return info;
}

export interface CompanyKeySources {
  /** The associated company's `domain` property (any type; may be absent). */
  companyDomain?: unknown;
  /** The contact's `website` property. */
  website?: unknown;
  /** The domain of a valid email, already lower-cased (null when the email is missing or invalid). */
  emailDomain?: string | null;
}

export interface CompanyKey {
  companyKey: string | null;
  source: 'company_domain' | 'website' | 'email' | null;
  isFreeMail: boolean;
}

function fromField(value: unknown, label: string, code: string, reasons: Reason[]): string | null {
  const read = readText(value, MAX_HOST_INPUT);
  if (read.kind === 'missing') return null;
  if (read.kind !== 'text') {
    reasons.push({ code: `${code}_not_text`, message: `The ${label} is not text, so it was not used for the company key.` });
    return null;
  }
  const host = registrableDomain(read.text);
  if (host.ok) return host.domain;
  reasons.push({ code: host.code, message: `The ${label} ${quote(read.text)} ${host.why}, so it was not used for the company key.` });
  return null;
}

const NOT_BLOCKED = '';
const blockedCache = new BoundedCache<string>(20_000);

/** What kind of non-company site a host is ("a social-network profile"…), or null; cached per host. */
function blockedWebsiteLabel(hostname: string, domain: string): string | null {
  let label = blockedCache.get(hostname);
  if (label === undefined) {
    const kind = blockedWebsiteKind(hostname);
    label = kind ? WEBSITE_KIND_LABELS[kind] : isFreeMailDomain(hostname, domain) ? 'a free-mail domain' : NOT_BLOCKED;
    blockedCache.set(hostname, label);
  }
  return label === NOT_BLOCKED ? null : label;
}

/**
 * The website's domain, unless it names no company: a free-mail domain, a social
 * profile, a link shortener or a free hosting address (then the work email decides).
 */
function websiteKey(value: unknown, hasWorkEmail: boolean, reasons: Reason[]): string | null {
  const read = readText(value, MAX_HOST_INPUT);
  if (read.kind !== 'text') return fromField(value, 'website', 'website', reasons);
  const host = registrableDomain(read.text);
  if (!host.ok) return fromField(value, 'website', 'website', reasons);
  const what = blockedWebsiteLabel(host.hostname, host.domain);
  if (what === null) return host.domain;
  const then = hasWorkEmail ? 'the work email domain is used instead' : 'it was not used for the company key';
  reasons.push({ code: 'website_not_company', message: `The website ${quote(read.text)} is ${what}, so ${then}.` });
  return null;
}

/** Picks the company key from the first usable source, explaining skipped ones. Never throws. */
export function companyKeyFrom(sources: CompanyKeySources): Stage<CompanyKey> {
  const reasons: Reason[] = [];
  const emailDomain = sources.emailDomain ?? null;
  const emailInfo = emailDomain ? emailDomainInfo(emailDomain) : null;
  const emailHost = emailInfo?.host ?? null;
  const emailRegistrable = emailHost?.ok ? emailHost.domain : null;
  const isFreeMail = emailInfo?.isFreeMail ?? false;

  const fromCompany = fromField(sources.companyDomain, 'company domain', 'company_domain', reasons);
  if (fromCompany) {
    reasons.push({ code: 'company_key_from_company_domain', message: `Company key ${fromCompany} comes from the company's domain.` });
    return { value: { companyKey: fromCompany, source: 'company_domain', isFreeMail }, reasons };
  }
  const fromWebsite = websiteKey(sources.website, emailDomain !== null && !isFreeMail && emailRegistrable !== null, reasons);
  if (fromWebsite) {
    reasons.push({ code: 'company_key_from_website', message: `Company key ${fromWebsite} comes from the contact's website.` });
    return { value: { companyKey: fromWebsite, source: 'website', isFreeMail }, reasons };
  }
  if (emailDomain) {
    if (isFreeMail) {
      reasons.push({ code: 'freemail_domain', message: `${emailDomain} is a free-mail domain, so no company key` });
    } else if (emailRegistrable) {
      reasons.push({ code: 'company_key_from_email', message: `Company key ${emailRegistrable} comes from the work email domain.` });
      return { value: { companyKey: emailRegistrable, source: 'email', isFreeMail }, reasons };
    } else if (emailHost && !emailHost.ok) {
      reasons.push({ code: emailHost.code, message: `The email domain ${emailDomain} ${emailHost.why}, so no company key.` });
    }
    return { value: { companyKey: null, source: null, isFreeMail }, reasons };
  }
  reasons.push({ code: 'company_key_missing', message: 'No company domain, website or valid work email, so no company key.' });
  return { value: { companyKey: null, source: null, isFreeMail }, reasons };
}
