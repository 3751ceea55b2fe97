// Free-mail detection from the free-email-domains package (HubSpot's blocked
// free-domain list plus disposable-mail lists, ~14k domains), loaded once.
import domains from 'free-email-domains/domains.json' with { type: 'json' };

const FREE_MAIL: ReadonlySet<string> = new Set((domains as string[]).map((d) => d.toLowerCase()));

/** How many domains the list holds (for docs and tests). */
export const FREE_MAIL_DOMAIN_COUNT = FREE_MAIL.size;

/**
 * True when the domain (or its registrable domain, when given) is a free or
 * disposable mail provider: gmail.com, web.de, yahoo.co.uk, mailinator.com…
 */
export function isFreeMailDomain(domain: string, registrable?: string | null): boolean {
  const d = domain.trim().toLowerCase();
  if (FREE_MAIL.has(d)) return true;
  return registrable != null && registrable !== d && FREE_MAIL.has(registrable);
}
