// The re-score gateway's own retry rule: brief and only where repeating is safe.
import { describe, expect, it } from 'vitest';
import { CrmError, RateLimitError } from '../../lib/errors.ts';
import { retryDelay, RESCORE_RETRY } from '../../lib/adapters/hubspot/rescore-gateway.ts';

const serverError = new CrmError('read contact 1', 'boom', { status: 503 });
const networkError = new CrmError('read contact 1', 'socket hang up');
const timeout = new CrmError('read contact 1', 'no answer within 10000 ms', { category: 'TIMEOUT' });
const badRequest = new CrmError('update contact 1', 'Property values were not valid', { status: 400, category: 'VALIDATION_ERROR' });
const tenSecondly = new RateLimitError('read contact 1', 'You have reached your ten_secondly_rolling limit.', { status: 429, policyName: 'TEN_SECONDLY_ROLLING' });
const secondly = new RateLimitError('count recent tasks of owner 101', 'You have reached your secondly limit.', { status: 429 });
const daily = new RateLimitError('read contact 1', 'You have reached your daily limit.', { status: 429, policyName: 'DAILY' });

describe('retryDelay', () => {
  it.each([
    ['5xx on a read, first failure', serverError, true, 1, 200],
    ['5xx on a read, second failure', serverError, true, 2, 400],
    ['5xx on a read, out of retries', serverError, true, RESCORE_RETRY.retries + 1, null],
    ['5xx on a create: never repeated (it may have been created)', serverError, false, 1, null],
    ['network failure on a read', networkError, true, 1, 200],
    ['timeout: the deadline is already spent', timeout, true, 1, null],
    ['400: repeating cannot help', badRequest, true, 1, null],
    ['ten-secondly 429: the card says so at once', tenSecondly, true, 1, null],
    ['daily 429', daily, true, 1, null],
    ['secondly (search) 429: wait for the second to pass', secondly, true, 1, 1000],
    ['secondly 429 on a create is safe to repeat (nothing was done)', secondly, false, 1, 1000],
    ['not a CrmError', new Error('bug'), true, 1, null],
  ])('%s', (_name, error, idempotent, attempt, expected) => {
    expect(retryDelay(error, idempotent, attempt)).toBe(expected);
  });
});
