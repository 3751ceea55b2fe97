// Counters of one `serve` instance, in Prometheus' text format (version 0.0.4). Queue depth is
// read from the queue at scrape time, so it is the shared figure when several instances run.
const COUNTERS = {
  webhook_requests_total: 'Webhook deliveries (requests) received.',
  events_received_total: 'Webhook events received in validly signed deliveries.',
  duplicates_dropped_total: 'Events dropped because the same event (composite identity) was already queued.',
  stale_dropped_total: 'Events dropped because a newer change of the same contact property was already applied.',
  events_applied_total: 'Events accepted as the newest change of their contact property.',
  contacts_rescored_total: 'Contacts re-scored by the queue worker.',
  signatures_rejected_total: 'Requests refused with 401 because of a missing, stale or wrong signature.',
  hubspot_calls_total: 'HubSpot API calls made by this instance (processing and workflow actions).',
  errors_total: 'Failures: a batch that could not be re-scored, a queue write that failed, an action that fell back.',
  workflow_actions_total: 'Workflow action requests answered.',
  workflow_actions_replayed_total: 'Workflow action requests answered from the stored answer of the same enrollment.',
} as const;

export type CounterName = keyof typeof COUNTERS;

export interface Metrics {
  inc(name: CounterName, by?: number): void;
  get(name: CounterName): number;
  render(gauges: { queueDepth: number }): string;
}

export function createMetrics(prefix = 'lead_decisions'): Metrics {
  const values = new Map<CounterName, number>();
  return {
    inc(name, by = 1) { values.set(name, (values.get(name) ?? 0) + by); },
    get(name) { return values.get(name) ?? 0; },
    render({ queueDepth }) {
      const lines: string[] = [];
      for (const [name, help] of Object.entries(COUNTERS) as [CounterName, string][]) {
        lines.push(`# HELP ${prefix}_${name} ${help}`, `# TYPE ${prefix}_${name} counter`, `${prefix}_${name} ${values.get(name) ?? 0}`);
      }
      lines.push(`# HELP ${prefix}_queue_depth Contacts waiting for, or in, a re-score.`, `# TYPE ${prefix}_queue_depth gauge`, `${prefix}_queue_depth ${queueDepth}`);
      return `${lines.join('\n')}\n`;
    },
  };
}
