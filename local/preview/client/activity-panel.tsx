// Sandbox only, outside the card: records page views and form submissions on the
// selected contact as HubSpot's tracking would, so a Re-score has something new to see.
import { useEffect, useState } from 'react';
import { PAGE_VIEWS_PER_VISIT, type ActivityCounts, type ActivityKind } from '../backend.ts';
import { getContactProperties, rescoreSettled, simulateActivity } from './api.ts';
import { refreshActiveCard } from './sdk-globals.ts';

const COUNTERS = ['hs_analytics_num_page_views', 'num_conversion_events'];

const ACTIONS: { kind: ActivityKind; label: string; testId: string }[] = [
  { kind: 'page_views', label: `+${PAGE_VIEWS_PER_VISIT} page views (visit now)`, testId: 'simulate-page-views' },
  { kind: 'form_submission', label: '+1 form submission', testId: 'simulate-form-submission' },
];

type PanelState =
  | { status: 'idle' }
  | { status: 'recording'; kind: ActivityKind }
  | { status: 'recorded' }
  | { status: 'failed'; message: string };

const countOf = (value: string | null | undefined) => (value ? Number(value) || 0 : 0);

/**
 * With webhooks, after activity the page asks this often whether the re-score caught up with every
 * recorded change (store → webhook → serve's queue → re-score: about a second on an idle machine,
 * many more on a loaded one), re-reading the card whenever the stored decision moved and once more
 * at the end; it gives up after this long.
 */
const AUTO_REFRESH_MS = 1000;
const AUTO_REFRESH_LIMIT_MS = 30_000;
/** What says the contact was decided again. */
const DECISION = ['decision_key', 'last_decision_at'];

/** Where the background re-score is, for the page (data-auto-rescore) and tests. */
type AutoRescore = 'off' | 'waiting' | 'done' | 'timed-out';

/**
 * Mount with key={contactId}: a new contact starts with no hint. `recordVersion` changes when
 * the card reports the record changed (a Re-score wrote), which makes the hint stale.
 */
export function ActivityPanel({ contactId, recordVersion, autoRescore = false }: { contactId: string; recordVersion: number; autoRescore?: boolean }) {
  const [counts, setCounts] = useState<ActivityCounts | null>(null);
  const [state, setState] = useState<PanelState>({ status: 'idle' });
  const [recordings, setRecordings] = useState(0);
  const [rescore, setRescore] = useState<AutoRescore>('off');

  useEffect(() => {
    if (!autoRescore) setState((shown) => (shown.status === 'recorded' ? { status: 'idle' } : shown));
  }, [recordVersion, autoRescore]);

  // Webhooks re-score the contact in the background; the card shows it once re-read. Every recording
  // starts the wait again, so it ends only once the re-score caught up with the newest activity.
  useEffect(() => {
    if (!autoRescore || recordings === 0) return;
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let seen: string | null = null;
    const until = Date.now() + AUTO_REFRESH_LIMIT_MS;
    const finish = (how: AutoRescore) => {
      stopped = true;
      setRescore(how);
      setState((shown) => (shown.status === 'recorded' ? { status: 'idle' } : shown));
    };
    const look = async () => {
      try {
        // Asked before the decision is read: settled then means the decision read after it is the final one.
        const settled = await rescoreSettled();
        const p = await getContactProperties(contactId, DECISION);
        if (stopped) return;
        const stamp = DECISION.map((n) => p[n] ?? '').join(' ');
        // The card is re-read whenever the stored decision moved (a re-score of earlier clicks shows too).
        if (stamp !== seen) {
          seen = stamp;
          await refreshActiveCard();
          if (stopped) return;
        }
        if (settled === true) return finish('done');
      } catch { /* the next look tries again */ }
      if (stopped) return;
      if (Date.now() >= until) return finish('timed-out');
      timer = setTimeout(() => { void look(); }, AUTO_REFRESH_MS);
    };
    timer = setTimeout(() => { void look(); }, AUTO_REFRESH_MS);
    return () => { stopped = true; clearTimeout(timer); };
  }, [autoRescore, recordings, contactId]);

  useEffect(() => {
    let stale = false;
    getContactProperties(contactId, COUNTERS).then((p) => {
      if (!stale) setCounts((shown) => shown ?? { pageViews: countOf(p['hs_analytics_num_page_views']), formSubmissions: countOf(p['num_conversion_events']) });
    }).catch(() => { /* the counts are a nicety; the buttons still work */ });
    return () => { stale = true; };
  }, [contactId]);

  const record = (kind: ActivityKind) => {
    setState({ status: 'recording', kind });
    simulateActivity(contactId, kind).then((next) => {
      setCounts(next);
      setState({ status: 'recorded' });
      // In the same render as the hint: a "done" of an earlier recording never shows beside it.
      if (autoRescore) setRescore('waiting');
      setRecordings((n) => n + 1);
    }).catch((error: Error) => setState({ status: 'failed', message: error.message }));
  };

  return (
    <section className="activity-panel" data-testid="activity-panel" aria-labelledby="activity-panel-title" data-auto-rescore={rescore}>
      <header>
        <span id="activity-panel-title">Simulate activity</span>
        <small>Sandbox only</small>
      </header>
      <p className="activity-panel__intro">Stands in for HubSpot’s tracking: each button records a visit or a form submission by this contact, now.</p>
      <div className="activity-panel__actions">
        {ACTIONS.map(({ kind, label, testId }) => (
          <button key={kind} type="button" className="hs-button hs-button--sm" data-testid={testId}
            data-loading={state.status === 'recording' && state.kind === kind ? 'true' : undefined}
            disabled={state.status === 'recording'} onClick={() => record(kind)}>{label}</button>
        ))}
      </div>
      {counts && (
        <dl className="activity-panel__counts" data-testid="activity-counts" data-page-views={counts.pageViews} data-form-submissions={counts.formSubmissions}>
          <div><dt>Page views</dt><dd>{counts.pageViews}</dd></div>
          <div><dt>Form submissions</dt><dd>{counts.formSubmissions}</dd></div>
        </dl>
      )}
      {state.status === 'recorded' && (autoRescore
        ? <p className="activity-panel__hint" role="status" data-testid="activity-hint">Activity recorded — the webhooks re-score this contact; the card updates by itself</p>
        : <p className="activity-panel__hint" role="status" data-testid="activity-hint">Activity recorded — press <strong className="nowrap">Re-score</strong> on the card</p>)}
      {state.status === 'failed' && <p className="activity-panel__error" role="alert" data-testid="activity-error">{state.message}</p>}
    </section>
  );
}
