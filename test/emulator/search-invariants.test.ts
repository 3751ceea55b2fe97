// Property-based: whatever is written (through the store, as a user would), search agrees with a plain
// filter over the same data, and never returns archived records.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EmulatorStore } from '../../local/emulator/index.ts';
import type { SearchQuery } from '../../local/emulator/store/search.ts';

const STAGES = ['subscriber', 'lead', 'customer', ''] as const;
const record = fc.record({ views: fc.option(fc.nat({ max: 500 }), { nil: undefined }), stage: fc.constantFrom(...STAGES), title: fc.constantFrom('CEO', 'Ingénieur', 'ÄRZTIN', 'data engineer', '') });

function ids(s: EmulatorStore, q: Omit<SearchQuery, 'limit' | 'after'>): string[] {
  const r = s.search('contacts', { ...q, limit: 200, after: 0 }, ['email']);
  if (!r.ok) throw new Error(r.failure.message);
  return r.value.results.map((x) => x.id).sort();
}

describe('search agrees with a plain filter', () => {
  it('for numeric comparisons, IN, HAS_PROPERTY and case-insensitive EQ after updates and archives', () => {
    fc.assert(fc.property(fc.array(record, { minLength: 1, maxLength: 25 }), fc.array(record, { maxLength: 25 }), fc.nat({ max: 500 }), fc.constantFrom('CEO', 'ingénieur', 'ärztin'), (initial, updates, threshold, title) => {
      const s = new EmulatorStore(':memory:');
      try {
        const model = new Map<string, { views?: number; stage: string; title: string }>();
        const props = (r: (typeof initial)[number]) => ({ hs_analytics_num_page_views: r.views === undefined ? '' : String(r.views), lifecyclestage: r.stage, jobtitle: r.title });
        initial.forEach((r, i) => {
          const created = s.createObjectAsUser('contacts', { email: `c${i}@x.io`, ...props(r) });
          if (!created.ok) throw new Error(created.failure.message);
          model.set(created.value.id, { views: r.views, stage: r.stage, title: r.title });
        });
        const idList = [...model.keys()];
        updates.forEach((r, i) => {
          const id = idList[i % idList.length]!;
          if (i % 7 === 6) { s.archive('contacts', id); model.delete(id); return; }
          if (!model.has(id)) return;
          const u = s.updateContact(id, props(r));
          if (!u.ok) throw new Error(u.failure.message);
          model.set(id, { views: r.views, stage: r.stage, title: r.title });
        });
        const expectIds = (pred: (m: { views?: number; stage: string; title: string }) => boolean) => [...model].filter(([, m]) => pred(m)).map(([id]) => id).sort();
        const one = (f: SearchQuery['filterGroups'][number]['filters'][number]) => ids(s, { filterGroups: [{ filters: [f] }] });
        expect(one({ propertyName: 'hs_analytics_num_page_views', operator: 'GT', value: String(threshold) })).toEqual(expectIds((m) => m.views !== undefined && m.views > threshold));
        expect(one({ propertyName: 'lifecyclestage', operator: 'IN', values: ['lead', 'customer'] })).toEqual(expectIds((m) => m.stage === 'lead' || m.stage === 'customer'));
        expect(one({ propertyName: 'hs_analytics_num_page_views', operator: 'NOT_HAS_PROPERTY' })).toEqual(expectIds((m) => m.views === undefined));
        expect(one({ propertyName: 'jobtitle', operator: 'EQ', value: title })).toEqual(expectIds((m) => m.title.toLowerCase() === title.toLowerCase()));
        expect(ids(s, { filterGroups: [] })).toEqual(expectIds(() => true));
      } finally {
        s.close();
      }
    }), { numRuns: 60 });
  });

  it('pages a sorted search without gaps or repeats: values in order, unset values last', () => {
    fc.assert(fc.property(fc.array(fc.option(fc.integer({ min: 0, max: 30 }), { nil: undefined }), { minLength: 1, maxLength: 40 }), fc.integer({ min: 1, max: 7 }), fc.boolean(), fc.integer({ min: 0, max: 30 }), (views, pageSize, descending, minId) => {
      const s = new EmulatorStore(':memory:');
      try {
        const created = views.map((v, i) => {
          const r = s.createObjectAsUser('contacts', { email: `p${i}@x.io`, ...(v === undefined ? {} : { hs_analytics_num_page_views: String(v) }) });
          if (!r.ok) throw new Error(r.failure.message);
          return { id: Number(r.value.id), v };
        });
        const idFloor = created[0]!.id + minId;
        const seen: { id: number; v: number | undefined }[] = [];
        for (let after = 0; ; after += pageSize) {
          const r = s.search('contacts', {
            filterGroups: [{ filters: [{ propertyName: 'hs_object_id', operator: 'GTE', value: String(idFloor) }] }],
            sort: { propertyName: 'hs_analytics_num_page_views', direction: descending ? 'DESCENDING' : 'ASCENDING' }, limit: pageSize, after,
          }, ['hs_analytics_num_page_views']);
          if (!r.ok) throw new Error(r.failure.message);
          seen.push(...r.value.results.map((x) => ({ id: Number(x.id), v: x.properties.hs_analytics_num_page_views == null ? undefined : Number(x.properties.hs_analytics_num_page_views) })));
          if (!r.value.nextAfter) break;
        }
        const expected = created.filter((c) => c.id >= idFloor);
        expect(seen.map((x) => x.id).sort((a, b) => a - b)).toEqual(expected.map((c) => c.id));
        const values = seen.map((x) => x.v);
        const firstUnset = values.indexOf(undefined);
        if (firstUnset >= 0) expect(values.slice(firstUnset).every((v) => v === undefined)).toBe(true);
        const set = values.filter((v): v is number => v !== undefined);
        expect(set).toEqual([...set].sort((a, b) => (descending ? b - a : a - b)));
      } finally {
        s.close();
      }
    }), { numRuns: 60 });
  });
});
