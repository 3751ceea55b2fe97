// The contact properties whose *history* the engine scores as dated activity: each change
// of a counter is a dated increment, each new conversion name a dated form submission.
// Readers (the HubSpot gateway, bulk re-scoring, webhooks) ask for exactly these with
// `propertiesWithHistory`; `decide` accepts the same map on a JSONL line.
export const ACTIVITY_HISTORY_PROPERTIES = [
  'hs_analytics_num_page_views',
  'num_conversion_events',
  'recent_conversion_event_name',
  'hs_email_click',
  'hs_email_replied',
  'engagements_last_meeting_booked',
] as const;

export type ActivityHistoryProperty = (typeof ACTIVITY_HISTORY_PROPERTIES)[number];
