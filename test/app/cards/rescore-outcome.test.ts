import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { alertForOutcome, outcomeFromRejection, outcomeFromReply } from '../../../src/app/cards/rescore-outcome.ts';
import { rescoreFailure, rescoreSuccess } from './fixtures.ts';

describe('outcomeFromReply', () => {
  it.each([
    ['changed', rescoreSuccess({ changed: true }), 'changed'],
    ['unchanged', rescoreSuccess({ changed: false }), 'unchanged'],
    ['rate limited', rescoreFailure('rate_limited', 'Too many requests'), 'rate_limited'],
    ['not found', rescoreFailure('not_found', 'Contact 101 no longer exists'), 'failed'],
    ['undefined', undefined, 'failed'],
    ['a tier outside the contract', { ...rescoreSuccess({ changed: true }), decision: { ...rescoreSuccess({ changed: true }).decision, tier: 'urgent' } }, 'failed'],
  ])('%s', (_name, reply, kind) => {
    expect(outcomeFromReply(reply).kind).toBe(kind);
  });

  it('turns any value into an outcome instead of throwing', () => {
    fc.assert(fc.property(fc.anything(), (value) => {
      expect(['changed', 'unchanged', 'rate_limited', 'failed']).toContain(outcomeFromReply(value).kind);
    }));
  });
});

describe('alertForOutcome', () => {
  it('pins the text the rep reads', () => {
    expect(alertForOutcome(outcomeFromReply(rescoreSuccess({ changed: true })))).toMatchInlineSnapshot(`
      {
        "message": "Tier medium → high: 3 pricing-page visits this week",
        "title": "Lead re-scored",
        "type": "success",
      }
    `);
    expect(alertForOutcome(outcomeFromReply(rescoreSuccess({ changed: false, summary: '' })))).toMatchInlineSnapshot(`
      {
        "message": "The decision is the same as before.",
        "title": "No change",
        "type": "info",
      }
    `);
    expect(alertForOutcome(outcomeFromReply(rescoreFailure('rate_limited', 'Too many requests')))).toMatchInlineSnapshot(`
      {
        "message": "HubSpot is rate-limiting requests; try again in a minute",
        "title": "Try again in a minute",
        "type": "warning",
      }
    `);
    expect(alertForOutcome(outcomeFromReply({ ok: 'yes' }))).toMatchInlineSnapshot(`
      {
        "message": "The re-score reply could not be read (at ok), so nothing is shown. Reload the record to see the stored values.",
        "title": "Re-score failed",
        "type": "danger",
      }
    `);
  });

  it.each([
    [new Error('Function timed out'), 'Function timed out'],
    ['plain text failure', 'plain text failure'],
    [{ status: 500 }, 'The re-score function failed without saying why.'],
    [new Error(''), 'The re-score function failed without saying why.'],
  ])('a rejection with %s becomes a danger alert', (error, message) => {
    expect(alertForOutcome(outcomeFromRejection(error))).toEqual({ type: 'danger', title: 'Re-score failed', message });
  });
});
