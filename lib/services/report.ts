// The business report: MER (marketing-attributed revenue ÷ spend), the lead → MQL → SQL funnel,
// time to first response for high-tier leads, routing latency, data completeness and attribution
// coverage — each split by the rule version that first decided the lead. Pure: plain records in.

export interface ReportContact {
  id: string;
  createdAt: number | null;
  /** Original source (`hs_analytics_source`) and its first drill-down (campaign, `hs_analytics_source_data_1`). */
  source: string | null;
  campaign: string | null;
  /** Lifecycle stage → when the contact entered it (epoch ms). */
  stageEntered: Readonly<Record<string, number>>;
  /** The first decision this product made: when, by which rules, which tier. */
  firstDecision: { at: number; version: string; tier: string | null } | null;
  /** First outreach after routing: the earliest task or logged outreach at or after the first decision. */
  firstResponseAt: number | null;
  /** Data completeness: how many of the expected fields are filled. */
  filledFields: number;
  expectedFields: number;
}

export interface ReportDeal { id: string; amount: number | null; stage: string | null; closedAt: number | null; contactIds: readonly string[] }

export interface AttributionMapping {
  /** Original source → channel (e.g. PAID_SEARCH → paid). */
  sources: Readonly<Record<string, string>>;
  /** Campaign prefix → channel; a matching campaign wins over the source. */
  campaigns: Readonly<Record<string, string>>;
  /** Channels whose revenue counts as marketing-attributed. */
  marketingChannels: readonly string[];
}

export const DEFAULT_ATTRIBUTION: AttributionMapping = {
  sources: {
    PAID_SEARCH: 'paid', PAID_SOCIAL: 'paid', EMAIL_MARKETING: 'email', OTHER_CAMPAIGNS: 'campaigns', SOCIAL_MEDIA: 'social',
    ORGANIC_SEARCH: 'organic', REFERRALS: 'referral', DIRECT_TRAFFIC: 'direct', OFFLINE: 'sales',
  },
  campaigns: {},
  marketingChannels: ['paid', 'email', 'campaigns', 'social', 'organic'],
};

export interface ReportPeriod { from: number; to: number; spend: number }

export interface Duration { count: number; medianHours: number | null; p90Hours: number | null }

export interface VersionFigures {
  version: string;
  leads: number;
  reachedMql: number;
  reachedSql: number;
  reachedCustomer: number;
  leadToMql: number | null;
  /** Of the contacts that entered MQL in the period, the share that entered SQL by its end. */
  mqlsInPeriod: number;
  mqlToSql: number | null;
  routingLatency: Duration;
  /** High-tier leads: answered (task or outreach after routing) and how fast; `unanswered` never got one. */
  firstResponse: Duration & { highTierLeads: number; unanswered: number };
  completeness: number | null;
  wonDeals: number;
  wonRevenue: number;
  attributedRevenue: number;
  /** Share of won revenue whose deal has a contact with a mapped source or campaign. */
  attributionCoverage: number | null;
  /** The period's spend split by this version's share of the period's leads. */
  spendShare: number;
  mer: number | null;
}

export interface BusinessReport { from: string; to: string; spend: number; total: VersionFigures; byVersion: VersionFigures[] }

export const UNDECIDED = '(not decided)';
const MQL = 'marketingqualifiedlead';
const SQL = 'salesqualifiedlead';
const HOUR = 3_600_000;

export function channelOf(c: Pick<ReportContact, 'source' | 'campaign'>, mapping: AttributionMapping): string | null {
  if (c.campaign) {
    const hit = Object.keys(mapping.campaigns).filter((p) => c.campaign!.toLowerCase().startsWith(p.toLowerCase())).sort((a, b) => b.length - a.length)[0];
    if (hit !== undefined) return mapping.campaigns[hit]!;
  }
  return c.source ? mapping.sources[c.source] ?? null : null;
}

function percentile(sorted: readonly number[], p: number): number | null {
  if (sorted.length === 0) return null;
  return sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)]!;
}

function duration(values: number[]): Duration {
  const sorted = values.filter((v) => v >= 0).sort((a, b) => a - b);
  const hours = (v: number | null) => (v === null ? null : Math.round((v / HOUR) * 100) / 100);
  return { count: sorted.length, medianHours: hours(percentile(sorted, 0.5)), p90Hours: hours(percentile(sorted, 0.9)) };
}

const ratio = (a: number, b: number): number | null => (b > 0 ? Math.round((a / b) * 10_000) / 10_000 : null);

const versionOf = (c: ReportContact | undefined): string => c?.firstDecision?.version ?? UNDECIDED;

function figures(version: string, leads: ReportContact[], mqlEntrants: ReportContact[], deals: { deal: ReportDeal; channel: string | null }[],
  p: ReportPeriod, spendShare: number, mapping: AttributionMapping): VersionFigures {
  const reached = (stage: string) => leads.filter((c) => (c.stageEntered[stage] ?? Infinity) < p.to).length;
  const reachedMql = reached(MQL);
  const high = leads.filter((c) => c.firstDecision?.tier === 'high');
  const answered = high.filter((c) => c.firstResponseAt !== null && c.firstDecision !== null && c.firstResponseAt >= c.firstDecision.at);
  const expected = leads.reduce((n, c) => n + c.expectedFields, 0);
  const wonRevenue = deals.reduce((n, d) => n + (d.deal.amount ?? 0), 0);
  const attributedRevenue = deals.filter((d) => d.channel !== null && mapping.marketingChannels.includes(d.channel)).reduce((n, d) => n + (d.deal.amount ?? 0), 0);
  const mappedRevenue = deals.filter((d) => d.channel !== null).reduce((n, d) => n + (d.deal.amount ?? 0), 0);
  return {
    version, leads: leads.length, reachedMql, reachedSql: reached(SQL), reachedCustomer: reached('customer'),
    leadToMql: ratio(reachedMql, leads.length),
    mqlsInPeriod: mqlEntrants.length, mqlToSql: ratio(mqlEntrants.filter((c) => (c.stageEntered[SQL] ?? Infinity) < p.to).length, mqlEntrants.length),
    routingLatency: duration(leads.flatMap((c) => (c.firstDecision && c.createdAt !== null ? [c.firstDecision.at - c.createdAt] : []))),
    firstResponse: { ...duration(answered.map((c) => c.firstResponseAt! - c.firstDecision!.at)), highTierLeads: high.length, unanswered: high.length - answered.length },
    completeness: ratio(leads.reduce((n, c) => n + c.filledFields, 0), expected),
    wonDeals: deals.length, wonRevenue, attributedRevenue, attributionCoverage: ratio(mappedRevenue, wonRevenue),
    spendShare: Math.round(spendShare * 100) / 100, mer: spendShare > 0 ? Math.round((attributedRevenue / spendShare) * 100) / 100 : null,
  };
}

/** Every figure for the period [from, to), overall and per first-deciding rule version (most leads first). */
export function buildReport(contacts: readonly ReportContact[], deals: readonly ReportDeal[], period: ReportPeriod, mapping: AttributionMapping = DEFAULT_ATTRIBUTION): BusinessReport {
  const inPeriod = (t: number | null | undefined) => t !== null && t !== undefined && t >= period.from && t < period.to;
  const byId = new Map(contacts.map((c) => [c.id, c]));
  const leads = contacts.filter((c) => inPeriod(c.createdAt));
  const mqlEntrants = contacts.filter((c) => inPeriod(c.stageEntered[MQL]));
  // A won deal belongs to its earliest-created associated contact: the lead that brought it.
  const won = deals.filter((d) => d.stage === 'closedwon' && inPeriod(d.closedAt)).map((deal) => {
    const first = deal.contactIds.map((id) => byId.get(id)).filter((c): c is ReportContact => c !== undefined)
      .sort((a, b) => (a.createdAt ?? Infinity) - (b.createdAt ?? Infinity))[0];
    return { deal, contact: first, channel: first ? channelOf(first, mapping) : null };
  });
  const versions = [...new Set([...leads.map(versionOf), ...won.map((w) => versionOf(w.contact))])];
  const byVersion = versions.map((v) => figures(v, leads.filter((c) => versionOf(c) === v), mqlEntrants.filter((c) => versionOf(c) === v),
    won.filter((w) => versionOf(w.contact) === v), period, leads.length > 0 ? period.spend * (leads.filter((c) => versionOf(c) === v).length / leads.length) : 0, mapping))
    .sort((a, b) => b.leads - a.leads || a.version.localeCompare(b.version));
  return {
    from: new Date(period.from).toISOString(), to: new Date(period.to).toISOString(), spend: period.spend,
    total: figures('all', leads, mqlEntrants, won, period, period.spend, mapping), byVersion,
  };
}
