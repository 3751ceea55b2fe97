// The mapped inputs → property maps, and the reason a broken mapping gets (pinned: a marketer reads it).
import { describe, expect, it } from 'vitest';
import { readDecisionInputs } from '../../lib/custom-code/inputs.ts';

describe('readDecisionInputs', () => {
  it('maps contact inputs by name and company_* inputs onto the company, trimmed, blanks left out', () => {
    expect(readDecisionInputs({
      email: ' ceo@orbitsoft.io ', hs_analytics_num_page_views: 12, num_conversion_events: '1,200', jobtitle: '',
      hs_analytics_last_visit_timestamp: '1796534751175', recent_conversion_date: '2026-11-30T10:00:00Z',
      company_domain: 'orbitsoft.io', company_numberofemployees: '400', unrelated: 'ignored',
    })).toEqual({
      ok: true,
      properties: { email: 'ceo@orbitsoft.io', hs_analytics_num_page_views: '12', num_conversion_events: '1,200', hs_analytics_last_visit_timestamp: '1796534751175', recent_conversion_date: '2026-11-30T10:00:00Z' },
      company: { domain: 'orbitsoft.io', numberofemployees: '400' },
    });
  });

  it('no company inputs → no company', () => {
    expect(readDecisionInputs({ email: 'a@b.io' })).toMatchObject({ ok: true, company: null });
  });

  it.each([
    { name: 'nothing mapped', inputs: {}, code: 'inputs_missing' },
    { name: 'only blanks and unknown names', inputs: { email: ' ', foo: 'bar' }, code: 'inputs_missing' },
    { name: 'a word for a count', inputs: { hs_analytics_num_page_views: 'lots' }, code: 'input_invalid' },
    { name: 'a negative count', inputs: { num_conversion_events: -1 }, code: 'input_invalid' },
    { name: 'a date that is not one', inputs: { recent_conversion_date: 'soon' }, code: 'input_invalid' },
    { name: 'an object', inputs: { email: { value: 'a@b.io' } }, code: 'input_invalid' },
    { name: 'a company count that is not one', inputs: { email: 'a@b.io', company_numberofemployees: 'about 50' }, code: 'input_invalid' },
  ])('$name → $code', ({ inputs, code }) => {
    const read = readDecisionInputs(inputs);
    expect(read.ok).toBe(false);
    if (!read.ok) expect(read.reason.code).toBe(code);
  });

  it('says which input is broken and what happens, in words a marketer reads', () => {
    const read = readDecisionInputs({ hs_analytics_num_page_views: 'a very long value that nobody should ever map here' });
    expect(read.ok ? null : read.reason.message).toMatchInlineSnapshot(`"The input hs_analytics_num_page_views is "a very long value that nobody should eve…", not a count, so this contact takes the safe default route (low) until the mapping is fixed."`);
    const none = readDecisionInputs({});
    expect(none.ok ? null : none.reason.message).toMatchInlineSnapshot(`"No inputs reached the action (map at least the email, job title and page views), so this contact takes the safe default route (low)."`);
  });
});
