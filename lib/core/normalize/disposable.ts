// Disposable (throw-away) mail domains from the disposable-email-domains
// package (~120k domains, plus wildcard domains whose every subdomain is
// disposable). The bundles carry the list front-coded and brotli-compressed
// (scripts/compressed-data.ts), inflated once when they load, to exactly this
// array. Lookups binary-search the sorted list instead of copying it
// into a Set: a second 120k-entry structure would only add to every garbage
// collection, and callers cache the verdict per domain anyway.
import domainList from 'disposable-email-domains/index.json' with { type: 'json' };
import wildcardList from 'disposable-email-domains/wildcard.json' with { type: 'json' };

let sorted: readonly string[] | null = null;
let wildcards: ReadonlySet<string> | null = null;

/** The list in code-unit order (it ships sorted; checked once so a future unsorted release cannot break lookups). */
function sortedDomains(): readonly string[] {
  if (sorted === null) {
    const list = domainList as string[];
    let inOrder = true;
    for (let i = 1; i < list.length && inOrder; i++) inOrder = list[i - 1]! < list[i]!;
    sorted = inOrder ? list : [...list].sort();
    wildcards = new Set(wildcardList as string[]);
  }
  return sorted;
}

function listed(list: readonly string[], domain: string): boolean {
  let lo = 0;
  let hi = list.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const d = list[mid]!;
    if (d === domain) return true;
    if (d < domain) lo = mid + 1;
    else hi = mid - 1;
  }
  return false;
}

/** True when the email domain (or its registrable domain) is a disposable-mail provider: mailinator.com, 10minutemail.com… */
export function isDisposableDomain(domain: string, registrable?: string | null): boolean {
  const list = sortedDomains();
  const d = domain.trim().toLowerCase();
  if (listed(list, d)) return true;
  if (registrable == null || registrable === d) return false;
  return listed(list, registrable) || wildcards!.has(registrable);
}

/** How many domains the list holds (for docs and tests). */
export const DISPOSABLE_DOMAIN_COUNT = (domainList as string[]).length;
