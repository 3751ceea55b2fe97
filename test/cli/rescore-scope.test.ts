// Parsing what `rescore` is asked to do: scope flags, the ids file, --where, --since and --rate.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { describeRate, parseIdList, parseRate, parseScope, parseSince, parseWhere } from '../../lib/cli/rescore/scope.ts';

const files: Record<string, string> = { 'ids.txt': '# exported\n101\n\n102\n101\n', 'bad.txt': '101\nabc\n', 'empty.txt': '# nothing\n' };
const read = async (file: string): Promise<string> => {
  if (file in files) return files[file]!;
  throw Object.assign(new Error('no such file'), { code: 'ENOENT' });
};

describe('parseScope', () => {
  it.each([
    [{ all: true }, { kind: 'all' }],
    [{ ids: 'ids.txt' }, { kind: 'ids', ids: ['101', '102'], file: 'ids.txt' }],
    [{ where: ['lifecyclestage=lead'] }, { kind: 'search', where: ['lifecyclestage=lead'], filters: [{ propertyName: 'lifecyclestage', operator: 'EQ', value: 'lead' }] }],
    [{ since: '2026-11-01', where: ['hs_lead_status=NEW'] }, {
      kind: 'search', since: '2026-11-01', where: ['hs_lead_status=NEW'],
      filters: [{ propertyName: 'lastmodifieddate', operator: 'GTE', value: String(Date.parse('2026-11-01')) }, { propertyName: 'hs_lead_status', operator: 'EQ', value: 'NEW' }],
    }],
  ])('%j → %j', async (flags, scope) => {
    expect(await parseScope(flags, read)).toEqual({ ok: true, value: scope });
  });

  it.each([
    [{}, 'Say which contacts to re-score: --all, --since ISO, --ids FILE or --where "property=value".'],
    [{ all: true, ids: 'ids.txt' }, '--all, --ids and --since/--where choose the contacts in different ways: use one of them (--since and --where may be combined).'],
    [{ all: true, since: '2026-11-01' }, '--all, --ids and --since/--where choose the contacts in different ways: use one of them (--since and --where may be combined).'],
    [{ ids: 'missing.txt' }, 'Cannot read --ids file missing.txt: ENOENT.'],
    [{ ids: 'bad.txt' }, 'bad.txt:2: "abc" is not a contact id (one numeric id per line).'],
    [{ ids: 'empty.txt' }, 'empty.txt holds no contact ids (one numeric id per line).'],
    [{ where: ['=lead'] }, '--where "=lead" must look like property=value, e.g. --where "lifecyclestage=lead".'],
    [{ where: ['a=1', 'b=2', 'c=3', 'd=4', 'e=5', 'f=6'] }, 'At most 5 conditions (--since and --where together): HubSpot search takes 6 filters and one is the paging cursor.'],
  ])('%j is a usage error', async (flags, message) => {
    expect(await parseScope(flags, read)).toEqual({ ok: false, message });
  });
});

describe('field parsers', () => {
  it.each(['yesterday', '27/11/2026', '2026-13-45', '2999-01-01'])('--since %s is refused', (raw) => {
    expect(parseSince(raw).ok).toBe(false);
  });

  it('keeps everything after the first = as the value', () => {
    expect(parseWhere('jobtitle=VP = Sales')).toEqual({ ok: true, value: { propertyName: 'jobtitle', operator: 'EQ', value: 'VP = Sales' } });
  });

  it('drops duplicate ids, keeping the first order', () => {
    expect(parseIdList('3\n1\n3\n2', 'f')).toEqual({ ok: true, value: ['3', '1', '2'] });
  });
});

describe('parseRate', () => {
  it.each([
    ['190/10s', { max: 190, intervalMs: 10_000 }],
    ['100/10000ms', { max: 100, intervalMs: 10_000 }],
    [' 5 / 1s ', { max: 5, intervalMs: 1000 }],
    ['600/1m', { max: 600, intervalMs: 60_000 }],
    ['10/s', { max: 10, intervalMs: 1000 }],
  ])('%s', (raw, rate) => {
    expect(parseRate(raw)).toEqual({ ok: true, value: rate });
  });

  it.each(['190', '0/10s', '190/10', '190/10h', '10/50ms', 'fast'])('refuses %s', (raw) => {
    expect(parseRate(raw)).toMatchObject({ ok: false, message: expect.stringContaining('must look like 190/10s') });
  });

  it('reads back what it describes', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 100_000 }), fc.integer({ min: 1, max: 600 }), (max, seconds) => {
      const rate = { max, intervalMs: seconds * 1000 };
      expect(parseRate(describeRate(rate))).toEqual({ ok: true, value: rate });
    }));
  });
});
