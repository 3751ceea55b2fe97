// Disposable (throw-away) mail domains from the disposable-email-domains
// package (~120k domains, plus wildcard domains whose every subdomain is
// disposable). The JSON is inlined into the function bundles like the
// free-mail list; the Set is built on first use, as most commands never ask.
import domainList from 'disposable-email-domains/index.json' with { type: 'json' };
import wildcardList from 'disposable-email-domains/wildcard.json' with { type: 'json' };

let domains: ReadonlySet<string> | null = null;
let wildcards: ReadonlySet<string> | null = null;

/** True when the email domain (or its registrable domain) is a disposable-mail provider: mailinator.com, 10minutemail.com… */
export function isDisposableDomain(domain: string, registrable?: string | null): boolean {
  if (domains === null || wildcards === null) {
    domains = new Set(domainList as string[]);
    wildcards = new Set(wildcardList as string[]);
  }
  const d = domain.trim().toLowerCase();
  if (domains.has(d)) return true;
  if (registrable == null) return false;
  return domains.has(registrable) || wildcards.has(registrable);
}
