// Deterministic, varied, realistic contacts for the engine benchmark and the CLI sample generator.
import type { DecisionInput, PropertyHistoryMap, PropertyHistoryValue } from '../lib/core/types.ts';
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
const FORMS = ['Demo request', 'Pricing page – request a quote', 'Newsletter signup', 'Ebook: API integration guide', 'Webinar registration', 'Contact sales', 'Partner kit'];
const DAY = 86_400_000;
const HISTORY_POOL = 4096;

/**
 * A HubSpot-shaped history (newest first) of the activity counters: most contacts
 * get a few dated page-view rises, some a few named forms, a few email clicks or a
 * meeting. Timestamps are ISO strings, as HubSpot sends them.
 */
function historyOf(rnd: () => number, nowMs: number, pageViews: number, forms: number): PropertyHistoryMap {
  const iso = (ageDays: number) => new Date(nowMs - Math.floor(ageDays * DAY)).toISOString();
  const history: Record<string, PropertyHistoryValue[]> = {};
  const steps = 1 + Math.floor(rnd() * 4);
  let age = rnd() * 30;
  const views: PropertyHistoryValue[] = [];
  for (let i = 0, v = pageViews; i < steps && v > 0; i++, age += 1 + rnd() * 40) {
    views.push({ value: String(v), timestamp: iso(age), sourceType: 'ANALYTICS' });
    v = Math.floor(v * rnd());
  }
  if (views.length > 0) history['hs_analytics_num_page_views'] = views;
  if (forms > 0) {
    const counts: PropertyHistoryValue[] = [];
    const names: PropertyHistoryValue[] = [];
    for (let f = forms, a = rnd() * 60; f > 0; f--, a += rnd() * 90) {
      counts.push({ value: String(f), timestamp: iso(a), sourceType: 'FORM' });
      names.push({ value: FORMS[Math.floor(rnd() * FORMS.length)]!, timestamp: iso(a), sourceType: 'FORM' });
    }
    history['num_conversion_events'] = counts;
    history['recent_conversion_event_name'] = names;
  }
  if (rnd() < 0.2) history['hs_email_click'] = [{ value: '2', timestamp: iso(rnd() * 20), sourceType: 'EMAIL' }, { value: '1', timestamp: iso(30 + rnd() * 60), sourceType: 'EMAIL' }];
  if (rnd() < 0.05) history['engagements_last_meeting_booked'] = [{ value: iso(rnd() * 10), timestamp: iso(rnd() * 10), sourceType: 'CRM_UI' }];
  return history;
}

export function generateInputs(count: number, nowMs: number, seed = 20261127): DecisionInput[] {
  const rnd = createRng(seed); // the emulator's seeded PRNG: every run decides the same contacts
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const out: DecisionInput[] = [];
  const histories: PropertyHistoryMap[] = [];
  for (let i = 0; i < count; i++) {
    const domain = pick(DOMAINS);
    const first = pick(FIRST);
    const hasCompany = rnd() < 0.6 && !/gmail|yahoo|web\.de/.test(domain);
    const pageViews = Math.floor(rnd() * rnd() * 60);
    const forms = Math.floor(rnd() * rnd() * 5);
    // 85% come with dated history (as the gateway reads it); the rest only with lifetime counts.
    // Histories come from a pool of 4,096: production streams contacts, so it never holds
    // 100,000 histories at once, and holding them here would mostly measure the collector.
    let history: PropertyHistoryMap | null = null;
    if (rnd() < 0.85) {
      const slot = Math.floor(rnd() * HISTORY_POOL);
      history = histories[slot] ??= historyOf(rnd, nowMs, pageViews, forms);
    }
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
        hs_analytics_num_page_views: String(pageViews),
        num_conversion_events: String(forms),
        hs_analytics_last_visit_timestamp: String(nowMs - Math.floor(rnd() * 200) * 86_400_000),
        createdate: String(nowMs - Math.floor(400 * 86_400_000 * rnd())),
        message: pick(MESSAGES),
        website: rnd() < 0.3 ? `https://www.${domain}/about` : '',
      },
      ...(history ? { propertiesWithHistory: history } : {}),
      company: hasCompany
        ? { properties: { domain, industry: pick(INDUSTRIES), numberofemployees: String(Math.floor(rnd() * rnd() * 20_000)), hubspot_owner_id: rnd() < 0.1 ? '105' : '' } }
        : null,
    });
  }
  return out;
}
