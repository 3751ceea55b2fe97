import { describe, expect, it, vi } from 'vitest';
import {
  EmptyState, ErrorState, LoadingButton, LoadingSpinner, StatisticsItem, StatusTag, Table, TableBody, TableRow, Tag, Text, Button,
  DescriptionList, DescriptionListItem, Flex,
} from '@hubspot/ui-extensions';
import { createRenderer } from '@hubspot/ui-extensions/testing';
import { LeadDecisionPanel } from '../../../src/app/cards/components/LeadDecisionPanel.tsx';
import type { Tier } from '../../../src/app/cards/contract.ts';
import { HISTORY, NEVER_SCORED, rescoreFailure, rescoreSuccess, storedProperties } from './fixtures.ts';

type Stored = { properties: Record<string, string | null>; error?: Error | null; isLoading?: boolean };

function renderPanel(stored: Stored, runs: { rescore?: () => Promise<unknown>; history?: () => Promise<unknown> } = {}) {
  const renderer = createRenderer('crm.record.sidebar');
  const refetch = vi.fn(async () => {});
  renderer.mocks.useCrmProperties.willCall(() => ({
    properties: stored.properties,
    error: stored.error ?? null,
    isLoading: stored.isLoading ?? false,
    isRefetching: false,
    refetch,
  }));
  const runRescore = vi.fn(runs.rescore ?? (async () => rescoreSuccess({ changed: true })));
  const runHistory = vi.fn(runs.history ?? (async () => HISTORY));
  renderer.render(
    <LeadDecisionPanel contactId="101" actions={renderer.mocks.actions} runRescore={runRescore} runHistory={runHistory} />,
  );
  const alerts = () => renderer.mocks.actions.addAlert.calls.map(([alert]) => alert);
  return { ...renderer, refetch, runRescore, runHistory, alerts };
}

describe('LeadDecisionPanel states', () => {
  it('shows a spinner while the properties load, without calling any function', () => {
    const { find, runRescore, runHistory } = renderPanel({ properties: {}, isLoading: true });
    expect(find(LoadingSpinner).props.label).toBe('Loading the lead decision');
    expect(runRescore).not.toHaveBeenCalled();
    expect(runHistory).not.toHaveBeenCalled();
  });

  it.each([
    ['an unknown contact (404 with headers)', 'HTTP-Code: 404\nMessage: An error occurred.\nBody: {"status":"error","category":"OBJECT_NOT_FOUND"}\nHeaders: {"x-hubspot-correlation-id":"abc"}',
      "HubSpot did not return this contact's scores: this contact was not found in HubSpot (it may have been deleted or merged)."],
    ['a long multi-line error', `${'x'.repeat(300)}\nHeaders: {"a":"b"}`, `HubSpot did not return this contact's scores: ${'x'.repeat(157)}…`],
  ])('shows a short message for %s, not the raw client error', (_name, raw, shown) => {
    const { find } = renderPanel({ properties: {}, error: new Error(raw) });
    expect(find(ErrorState).find(Text).text).toBe(shown);
  });

  it('says which task a re-score created: subject, owner and due time', async () => {
    const reply = { ...rescoreSuccess({ changed: true }), taskCreated: true, task: { subject: 'Call Ada: 3 pricing-page visits', ownerId: '101', dueAt: '2026-11-27T07:00:05.000Z' } };
    const { findByTestId, findAll, waitFor, alerts } = renderPanel({ properties: storedProperties('medium') }, { rescore: async () => reply });
    expect(findAll(Text, { testId: 'task-created' })).toHaveLength(0);
    findByTestId(LoadingButton, 'rescore-button').trigger('onClick');
    await waitFor(() => expect(alerts()).toHaveLength(1));
    const line = 'Task “Call Ada: 3 pricing-page visits” for owner 101, due 27 Nov 2026, 07:00:05 UTC.';
    await waitFor(() => expect(findByTestId(Text, 'task-created').text).toBe(line));
    expect(alerts()[0]!.message).toBe(`${reply.summary}. ${line}`);
  });

  it.each([['0', 'none'], ['0', null], [null, 'none']])('enrichment %s%% · %s reads "Not enriched"', (confidence, source) => {
    const { findByTestId } = renderPanel({ properties: storedProperties('medium', { enrichment_confidence: confidence, last_enrichment_source: source }) });
    expect(findByTestId(Text, 'enrichment').text).toBe('Not enriched');
  });

  it('says what went wrong when HubSpot cannot read the properties, and retries on request', () => {
    const { find, findByTestId, refetch } = renderPanel({ properties: {}, error: new Error('Missing scope crm.objects.contacts.read') });
    expect(find(ErrorState).props.title).toBe('The lead decision could not be loaded');
    expect(find(ErrorState).find(Text).text).toBe("HubSpot did not return this contact's scores: Missing scope crm.objects.contacts.read");
    findByTestId(Button, 'retry-button').trigger('onClick');
    expect(refetch).toHaveBeenCalledTimes(1);
  });

  it('offers to score a contact that was never scored', async () => {
    const { find, findByTestId, runRescore, alerts, waitFor } = renderPanel({ properties: NEVER_SCORED });
    expect(find(EmptyState).props.title).toBe('Not scored yet');
    findByTestId(LoadingButton, 'score-now-button').trigger('onClick');
    await waitFor(() => expect(alerts()).toHaveLength(1));
    expect(runRescore).toHaveBeenCalledWith({ contactId: '101' });
  });

  it.each<[Tier, string, string, string[]]>([
    ['high', 'success', 'High tier', ['78', '81', '74']],
    ['medium', 'warning', 'Medium tier', ['52', '55', '48']],
    ['low', 'default', 'Low tier', ['20', '12', '30']],
  ])('shows a %s-tier decision with a %s tag', (tier, variant, tagText, [lead, intent, fit]) => {
    const { findByTestId, findAll } = renderPanel({ properties: storedProperties(tier) });
    const tag = findByTestId(Tag, 'tier-tag');
    expect(tag.props.variant).toBe(variant);
    expect(tag.text).toBe(tagText);
    expect(findAll(StatisticsItem).map((item) => [item.props.label, item.props.number])).toEqual([
      ['Lead score', lead], ['Intent', intent], ['Fit', fit],
    ]);
    expect(findByTestId(Text, 'decision-reason').text).toBe(storedProperties(tier).last_decision_reason);
    expect(findByTestId(Text, 'enrichment').text).toBe('82% confidence · clearbit');
    expect(findByTestId(Text, 'content-track').text).toBe('Security compliance');
    expect(findByTestId(StatusTag, 'confidence-band').text).toBe('high confidence');
    expect(findByTestId(Text, 'scoring-version').text).toBe('2026.11-a1b2c3d');
    expect(findByTestId(Text, 'decided-at').text).toBe('20 Nov 2026, 09:30:00 UTC');
  });

  it('shows a scored contact with missing side facts without inventing them', () => {
    const { findByTestId, maybeFind } = renderPanel({
      properties: storedProperties('medium', { enrichment_confidence: null, last_enrichment_source: null, content_track: null, confidence_band: null }),
    });
    expect(findByTestId(Text, 'enrichment').text).toBe('Not enriched');
    expect(findByTestId(Text, 'content-track').text).toBe('Not classified');
    expect(maybeFind(StatusTag)).toBeNull();
  });
});

describe('Re-score button', () => {
  it.each([
    ['a changed decision', async () => rescoreSuccess({ changed: true }), { type: 'success', title: 'Lead re-scored', message: 'Tier medium → high: 3 pricing-page visits this week' }, true],
    ['an unchanged decision', async () => rescoreSuccess({ changed: false }), { type: 'info', title: 'No change', message: 'Still high: nothing new since the last decision' }, true],
    ['a rate-limited call', async () => rescoreFailure('rate_limited', 'Too many requests'), { type: 'warning', title: 'Try again in a minute', message: 'HubSpot is rate-limiting requests; try again in a minute' }, false],
    ['a failed call', async () => rescoreFailure('crm_error', 'HubSpot answered 500 while saving the contact'), { type: 'danger', title: 'Re-score failed', message: 'HubSpot answered 500 while saving the contact' }, false],
    ['a rejected call', async () => { throw new Error('Function timed out after 15 s'); }, { type: 'danger', title: 'Re-score failed', message: 'Function timed out after 15 s' }, false],
    ['an invalid reply', async () => ({ ok: true, contactId: '101' }), { type: 'danger', title: 'Re-score failed', message: 'The re-score reply could not be read (at changed), so nothing is shown. Reload the record to see the stored values.' }, false],
  ])('tells the rep about %s', async (_name, rescore, expectedAlert, refreshes) => {
    const { findByTestId, alerts, waitFor, mocks, refetch, runRescore } = renderPanel({ properties: storedProperties('medium') }, { rescore });
    findByTestId(LoadingButton, 'rescore-button').trigger('onClick');
    await waitFor(() => expect(alerts()).toHaveLength(1));
    expect(runRescore).toHaveBeenCalledWith({ contactId: '101' });
    expect(alerts()[0]).toEqual(expectedAlert);
    expect(mocks.actions.refreshObjectProperties.callCount).toBe(refreshes ? 1 : 0);
    expect(refetch).toHaveBeenCalledTimes(refreshes ? 1 : 0);
    expect(findByTestId(LoadingButton, 'rescore-button').props.loading).toBe(false);
  });

  it('shows progress while the function runs and ignores a second click', async () => {
    let finish: (value: unknown) => void = () => {};
    const pending = new Promise((resolve) => { finish = resolve; });
    const { findByTestId, maybeFind, waitFor, runRescore, alerts } = renderPanel({ properties: storedProperties('low') }, { rescore: () => pending });
    findByTestId(LoadingButton, 'rescore-button').trigger('onClick');
    await waitFor(() => expect(findByTestId(LoadingButton, 'rescore-button').props.loading).toBe(true));
    expect(findByTestId(Text, 'rescore-progress').text).toBe('Re-scoring: reading the contact and its company…');
    findByTestId(LoadingButton, 'rescore-button').trigger('onClick');
    finish(rescoreSuccess({ changed: true }));
    await waitFor(() => expect(alerts()).toHaveLength(1));
    expect(runRescore).toHaveBeenCalledTimes(1);
    expect(maybeFind(Text, { testId: 'rescore-progress' })).toBeNull();
  });
});

describe('Why? view', () => {
  it('Why? loads the history and a read-only explanation from the stored properties; it never re-scores', async () => {
    const { findByTestId, find, findAll, waitFor, runHistory, runRescore } = renderPanel({ properties: storedProperties('medium') });
    findByTestId(Button, 'why-button').trigger('onClick');
    await waitFor(() => expect(findByTestId(Table, 'history-table')).toBeTruthy());
    expect(runHistory).toHaveBeenCalledWith({ contactId: '101' });
    const rows = find(TableBody).findAll(TableRow).map((row) => row.childNodes.map((cell) => cell.text));
    expect(rows).toEqual([
      ['20 Nov 2026, 09:30:00 UTC', 'Medium', '52', 'Tier medium: 1 pricing-page visit'],
      ['2 Oct 2026, 14:05:00 UTC', 'Low', '20', 'Tier low: no recent activity'],
    ]);
    expect(runRescore).not.toHaveBeenCalled();
    // Re-score is the only control that writes: Why? offers no button that runs it.
    expect(findAll(LoadingButton, { testId: 'load-breakdown-button' })).toHaveLength(0);
    expect(findAll(LoadingButton).map((b) => b.props.testId)).toEqual(['rescore-button']);
    expect(findByTestId(Text, 'stored-scores').text).toBe('Lead score 52 = intent 55 and fit 48, so the tier is medium.');
    expect(findByTestId(Text, 'stored-reason').text).toBe(storedProperties('medium').last_decision_reason);
    findByTestId(Button, 'why-button').trigger('onClick');
    findByTestId(Button, 'why-button').trigger('onClick');
    expect(runRescore).not.toHaveBeenCalled();
    expect(findByTestId(Button, 'why-button').text).toBe('Hide why');
  });

  it('after the rep presses Re-score, Why? shows that re-score\'s breakdown, and the history reloads', async () => {
    const { findByTestId, waitFor, runHistory, alerts } = renderPanel({ properties: storedProperties('medium') });
    findByTestId(Button, 'why-button').trigger('onClick');
    await waitFor(() => expect(findByTestId(Table, 'history-table')).toBeTruthy());
    findByTestId(LoadingButton, 'rescore-button').trigger('onClick');
    await waitFor(() => expect(alerts()).toHaveLength(1));
    await waitFor(() => expect(runHistory).toHaveBeenCalledTimes(2));
    const items = (testId: string) =>
      findByTestId(DescriptionList, testId).findAll(DescriptionListItem).map((item) => [item.props.label, item.find(Text).text]);
    expect(items('breakdown-intent')).toEqual([['Page views', '+30'], ['Form submits', '+40'], ['Recency', '+11']]);
    expect(items('breakdown-fit')).toEqual([['Persona', '+30'], ['Seniority', '+24'], ['Company size', '+20']]);
    expect(findByTestId(Flex, 'breakdown').findAll(Text).map((node) => node.text)).toContain('3 pricing-page visits this week');
  });

  it('says why the history could not be loaded and retries', async () => {
    let calls = 0;
    const history = async () => {
      calls += 1;
      return calls === 1 ? { ok: false, contactId: '101', error: { code: 'crm_error', message: 'HubSpot answered 502' } } : HISTORY;
    };
    const { findByTestId, waitFor } = renderPanel({ properties: storedProperties('high') }, { history });
    findByTestId(Button, 'why-button').trigger('onClick');
    await waitFor(() => expect(findByTestId(Text, 'history-error').text).toBe('Past decisions could not be loaded: HubSpot answered 502'));
    findByTestId(Button, 'history-retry-button').trigger('onClick');
    await waitFor(() => expect(findByTestId(Table, 'history-table')).toBeTruthy());
  });
});
