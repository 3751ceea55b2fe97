// The dated side of the seed: activity histories (each counter change a dated ANALYTICS entry,
// each form conversion with its name), lifecycle stage-entry dates, original source drill-downs,
// first decisions by two rule versions (the older one before the cut-over), first outreach,
// and deal-stage histories. Draws from its own PRNG stream, so the undated fields stay as they were.
import { chance, intBetween, pick, type Rng } from '../prng.ts';
import { stageEnteredProperty } from '../store/standard-properties.ts';

export interface ScoringVersions { previous: string; current: string }
export const DEFAULT_SCORING_VERSIONS: ScoringVersions = { previous: '2026.8.1+3c9e0f2', current: '2026.11.1+0000000' };
/** Contacts created before this many days ago were first decided by the previous rule version. */
export const CUTOVER_DAYS = 75;

const DAY = 86_400_000;
const HOUR = 3_600_000;
const iso = (ms: number): string => new Date(ms).toISOString();
const FUNNEL = ['subscriber', 'lead', 'marketingqualifiedlead', 'salesqualifiedlead', 'opportunity', 'customer', 'evangelist'];
const CAMPAIGNS: Record<string, string[]> = {
  PAID_SEARCH: ['google-ads-brand', 'google-ads-competitor', 'bing-ads-generic'],
  PAID_SOCIAL: ['linkedin-abm-q3', 'linkedin-webinar', 'facebook-retargeting'],
  EMAIL_MARKETING: ['newsletter', 'product-launch-2026', 'nurture-track-eng'],
  OTHER_CAMPAIGNS: ['partner-webinar', 'g2-listing', 'trade-show-berlin'],
  SOCIAL_MEDIA: ['linkedin', 'twitter', 'youtube'],
  ORGANIC_SEARCH: ['google', 'bing', 'duckduckgo'],
  REFERRALS: ['g2.com', 'capterra.com', 'partner-site.io'],
  DIRECT_TRAFFIC: [], OFFLINE: ['IMPORT', 'CRM_UI'],
};
const CONVERSIONS = ['Contact us', 'Demo request', 'Newsletter signup', 'Whitepaper download', 'Pricing page form', 'Webinar registration'];
const SOURCE = { analytics: ['ANALYTICS', 'analytics'], email: ['EMAIL', 'email-tracking'], app: ['INTEGRATION', 'lead-decisions'], ui: ['CRM_UI', 'userId:5000001'] } as const;

export type HistoryRow = [name: string, value: string, ts: number, source: readonly [string, string]];

/** `n` increasing times from `from` to `to` (the last one is `to`). */
function times(rng: Rng, n: number, from: number, to: number): number[] {
  const span = Math.max(0, to - from);
  const out = Array.from({ length: n - 1 }, () => from + Math.floor(rng() * span)).sort((a, b) => a - b);
  out.push(to);
  return out;
}

/** A counter's history: `n` dated increments ending at `total`, the first carrying the rest. */
function counter(rng: Rng, name: string, total: number, from: number, to: number, maxEntries: number, source: readonly [string, string]): HistoryRow[] {
  const n = Math.max(1, Math.min(total, intBetween(rng, 2, maxEntries)));
  const at = times(rng, n, from, to);
  const steps = Array.from({ length: n }, (_, i) => (i === 0 ? 0 : intBetween(rng, 1, Math.max(1, Math.floor(total / n)))));
  let rest = total - steps.reduce((a, b) => a + b, 0);
  if (rest < 1) { steps.fill(1, 1); rest = total - (n - 1); }
  steps[0] = rest;
  let running = 0;
  return at.map((ts, i) => { running += steps[i]!; return [name, String(running), ts, source]; });
}

export class SeedHistory {
  private readonly pending = new Map<string, { rows: HistoryRow[]; product: Record<string, string> }>();

  constructor(private readonly rng: Rng, private readonly now: number, private readonly versions: ScoringVersions) {}

  /** Adds the dated fields to a contact's properties before it is created; its history rows wait for its id. */
  contact(p: Record<string, string>, key: string): void {
    const rng = this.rng;
    const created = Date.parse(p.createdate!);
    const rows: HistoryRow[] = [];
    // Some contacts come without a known origin (old imports): attribution coverage is not always 100%.
    if (chance(rng, 0.08)) delete p.hs_analytics_source;
    const drill = CAMPAIGNS[p.hs_analytics_source ?? ''] ?? [];
    if (drill.length > 0) p.hs_analytics_source_data_1 = pick(rng, drill);
    this.stages(p, created);
    const views = Number(p.hs_analytics_num_page_views ?? 0);
    if (views > 0 && p.hs_analytics_last_visit_timestamp) {
      rows.push(...counter(rng, 'hs_analytics_num_page_views', views, created, Date.parse(p.hs_analytics_last_visit_timestamp), 7, SOURCE.analytics));
    }
    const forms = Number(p.num_conversion_events ?? 0);
    if (forms > 0 && p.recent_conversion_date) {
      const formRows = counter(rng, 'num_conversion_events', forms, created, Date.parse(p.recent_conversion_date), 4, SOURCE.analytics);
      rows.push(...formRows);
      formRows.forEach(([, , ts], i) => rows.push(['recent_conversion_event_name', i === formRows.length - 1 ? p.recent_conversion_event_name ?? pick(rng, CONVERSIONS) : pick(rng, CONVERSIONS), ts, SOURCE.analytics]));
    }
    if (chance(rng, 0.35)) {
      const clicks = intBetween(rng, 1, 12);
      p.hs_email_click = String(clicks);
      rows.push(...counter(rng, 'hs_email_click', clicks, created, created + Math.floor(rng() * (this.now - created)), 4, SOURCE.email));
      if (chance(rng, 0.25)) {
        const replies = intBetween(rng, 1, 3);
        p.hs_email_replied = String(replies);
        rows.push(...counter(rng, 'hs_email_replied', replies, created, created + Math.floor(rng() * (this.now - created)), 3, SOURCE.email));
      }
    }
    if (chance(rng, 0.06)) {
      p.engagements_last_meeting_booked = iso(created + Math.floor(rng() * (this.now - created)));
      rows.push(['engagements_last_meeting_booked', p.engagements_last_meeting_booked, Date.parse(p.engagements_last_meeting_booked), SOURCE.ui]);
    }
    const product: Record<string, string> = {};
    rows.push(...this.firstDecision(p, created, product));
    this.pending.set(key, { rows, product });
  }

  /**
   * The history rows of the contact seeded under `key`, now that it has an id, and the Lead Decisions
   * properties of its first decision: those exist only once `provision` ran, so the seed stores them
   * beside the validated ones, as a portal that used the app before would hold them.
   */
  take(key: string): { rows: HistoryRow[]; product: Record<string, string> } {
    const out = this.pending.get(key) ?? { rows: [], product: {} };
    this.pending.delete(key);
    return out;
  }

  /** Deal-stage history from creation to close (or today), and a create date before the close date. */
  deal(p: Record<string, string>): HistoryRow[] {
    const rng = this.rng;
    const final = p.dealstage!;
    const closed = final === 'closedwon' || final === 'closedlost';
    let close = closed ? Date.parse(p.closedate!) : this.now;
    let created = Date.parse(p.createdate!);
    if (created >= close) { created = close - intBetween(rng, 14, 120) * DAY; p.createdate = iso(created); }
    close = Math.min(close, this.now);
    const open = ['appointmentscheduled', 'qualifiedtobuy', 'presentationscheduled', 'decisionmakerboughtin', 'contractsent'];
    const path = final === 'closedwon' ? [...open, final] : final === 'closedlost' ? [...open.slice(0, intBetween(rng, 1, 4)), final] : open.slice(0, open.indexOf(final) + 1);
    return times(rng, path.length, created, close).map((ts, i) => ['dealstage', path[i]!, i === 0 ? created : ts, SOURCE.ui]);
  }

  private stages(p: Record<string, string>, created: number): void {
    const stage = p.lifecyclestage;
    if (!stage) return;
    const k = FUNNEL.indexOf(stage);
    if (k < 0) { p[stageEnteredProperty(stage)] = iso(created); return; }
    let t = created;
    for (let i = Math.min(k, chance(this.rng, 0.3) ? 0 : 1); i <= k; i++) {
      p[stageEnteredProperty(FUNNEL[i]!)] = iso(t);
      t += Math.min(intBetween(this.rng, 1, 30) * DAY, Math.floor((this.now - t) / (k - i + 1)));
    }
  }

  // The first decision: the previous rules decided leads created before the cut-over (slower to route
  // and to answer), the current rules those created after.
  private firstDecision(p: Record<string, string>, created: number, product: Record<string, string>): HistoryRow[] {
    const rng = this.rng;
    const previous = created < this.now - CUTOVER_DAYS * DAY;
    const at = created + (previous ? intBetween(rng, 10, 48 * 60) : intBetween(rng, 1, 30)) * 60_000;
    if (at >= this.now) return [];
    const k = FUNNEL.indexOf(p.lifecyclestage ?? '');
    const tier = k >= 2 ? (chance(rng, 0.6) ? 'high' : 'medium') : chance(rng, 0.15) ? 'high' : chance(rng, 0.4) ? 'medium' : 'low';
    const score = tier === 'high' ? intBetween(rng, 65, 95) : tier === 'medium' ? intBetween(rng, 40, 64) : intBetween(rng, 5, 39);
    const version = previous ? this.versions.previous : this.versions.current;
    Object.assign(product, { scoring_version: version, last_decision_at: iso(at), routing_tier: tier, lead_score: String(score) });
    // History of what the report reads (which rules, which tier); the other fields keep only their value, as a seed may.
    const rows: HistoryRow[] = [['scoring_version', version, at, SOURCE.app], ['routing_tier', tier, at, SOURCE.app]];
    if (tier === 'high' && chance(rng, 0.85)) {
      const outreach = at + Math.floor((previous ? intBetween(rng, 2, 72) : intBetween(rng, 1, 12)) * HOUR * (0.5 + rng()));
      if (outreach < this.now) { p.hs_first_outreach_date = iso(outreach); rows.push(['hs_first_outreach_date', p.hs_first_outreach_date, outreach, SOURCE.ui]); }
    }
    return rows;
  }
}
