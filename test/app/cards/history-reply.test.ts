import { describe, expect, it } from 'vitest';
import { historyStateFromReply } from '../../../src/app/cards/hooks/useDecisionHistory.ts';
import { HISTORY } from './fixtures.ts';

describe('historyStateFromReply', () => {
  it('shows the newest decision first whatever order the function used', () => {
    if (!HISTORY.ok) throw new Error('fixture must be a success');
    const reversed = { ...HISTORY, entries: [...HISTORY.entries].reverse() };
    const state = historyStateFromReply(reversed);
    expect(state.status === 'loaded' && state.entries.map((e) => e.at)).toEqual(['2026-11-20T09:30:00.000Z', '2026-10-02T14:05:00.000Z']);
  });

  it.each([
    ['rate limited', { ok: false, contactId: '1', error: { code: 'rate_limited', message: 'x' } }, 'HubSpot is rate-limiting requests; try again in a minute'],
    ['a function error', { ok: false, contactId: null, error: { code: 'not_found', message: 'Contact 1 no longer exists' } }, 'Contact 1 no longer exists'],
    ['an unreadable reply', { ok: true, entries: 'none' }, 'The decision history reply could not be read.'],
  ])('turns %s into a failure the rep can read', (_name, reply, message) => {
    expect(historyStateFromReply(reply)).toEqual({ status: 'failed', message });
  });
});
