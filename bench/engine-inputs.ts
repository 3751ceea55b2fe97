// Deterministic, varied, realistic contacts for the engine benchmark and the CLI sample generator.
import type { DecisionInput } from '../lib/core/types.ts';
import { createRng } from '../local/emulator/prng.ts';

const FIRST = ['Jane', 'Bob', 'Anna', 'José', 'Chloé', 'Hiro', 'Priya', 'Lars', 'Fatou', 'Mia', 'Noah', 'Zoë'];
const TITLES = ['VP Engineering', 'Software Engineer', 'CTO', 'Head of Data', 'Marketing Manager', 'Geschäftsführer', 'Directrice Marketing',
  'Jefe de Ventas', 'CFO', 'IT Security Analyst', 'Student', 'Product Manager', 'HR Generalist', 'Operations Director', '', 'Founder & CEO'];
const COUNTRIES = ['United States', 'USA', 'us', 'Germany', 'Deutschland', 'France', 'Espagne', 'España', 'United Kingdom', 'Japan', 'India', 'Brasil', 'Canada', '', 'Narnia'];
const STATES = ['CA', 'NY', 'Texas', 'WA', 'Bayern', 'ON', ''];
const PHONES = ['+1 (415) 555-0100', '030 1234567', '+44 20 7946 0958', '+33 1 42 68 53 00', '(212) 555-0199', '12', 'call me', ''];
const DOMAINS = ['acme.com', 'globex.co.uk', 'initech.de', 'umbrella.fr', 'hooli.io', 'stark.jp', 'wayne.in', 'gmail.com', 'yahoo.fr', 'web.de'];
const STAGES = ['', 'subscriber', 'lead', 'lead', 'marketingqualifiedlead', 'salesqualifiedlead', 'customer', 'other', 'Nurture'];
const INDUSTRIES = ['COMPUTER_SOFTWARE', 'Banking', 'retail', 'INTERNET', 'HIGHER_EDUCATION', 'Shipbuilding', ''];
const MESSAGES = ['', '', 'Need pricing and an API demo', 'Datenschutz? DSGVO?', 'trop cher pour nous', 'Can we integrate with Salesforce?', 'just browsing'];
const OWNERS = ['', '', '', '', '101', '104', '107'];

export function generateInputs(count: number, nowMs: number, seed = 20261127): DecisionInput[] {
  const rnd = createRng(seed); // the emulator's seeded PRNG: every run decides the same contacts
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const out: DecisionInput[] = [];
  for (let i = 0; i < count; i++) {
    const domain = pick(DOMAINS);
    const first = pick(FIRST);
    const hasCompany = rnd() < 0.6 && !/gmail|yahoo|web\.de/.test(domain);
    out.push({
      id: String(100_000 + i),
      properties: {
        email: rnd() < 0.05 ? 'not-an-email' : `${first.toLowerCase()}.${i}@${rnd() < 0.2 ? domain.toUpperCase() : domain}`,
        firstname: first,
        jobtitle: pick(TITLES),
        country: pick(COUNTRIES),
        state: pick(STATES),
        phone: pick(PHONES),
        lifecyclestage: pick(STAGES),
        hubspot_owner_id: pick(OWNERS),
        hs_analytics_num_page_views: String(Math.floor(rnd() * rnd() * 60)),
        num_conversion_events: String(Math.floor(rnd() * rnd() * 5)),
        hs_analytics_last_visit_timestamp: String(nowMs - Math.floor(rnd() * 200) * 86_400_000),
        createdate: String(nowMs - Math.floor(400 * 86_400_000 * rnd())),
        message: pick(MESSAGES),
        website: rnd() < 0.3 ? `https://www.${domain}/about` : '',
      },
      company: hasCompany
        ? { properties: { domain, industry: pick(INDUSTRIES), numberofemployees: String(Math.floor(rnd() * rnd() * 20_000)), hubspot_owner_id: rnd() < 0.1 ? '105' : '' } }
        : null,
    });
  }
  return out;
}
