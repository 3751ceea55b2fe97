// Coverage of the title rules on a table of real-looking titles in eight
// languages plus abbreviations: the accuracy floor holds overall and per
// language, and the traps are pinned exactly.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { classifyTitle } from '../../../lib/core/normalize/index.ts';
import { fold } from '../../../lib/core/normalize/text.ts';
import { TITLES, TRAPS, type Language } from './title-table.ts';

const FLOOR = 0.9;

function accuracy(rows: typeof TITLES): { persona: number; seniority: number; misses: string[] } {
  let persona = 0;
  let seniority = 0;
  const misses: string[] = [];
  for (const [, title, p, s] of rows) {
    const v = classifyTitle(title).value;
    if (v.persona === p) persona++;
    if (v.seniority === s) seniority++;
    if (v.persona !== p || v.seniority !== s) misses.push(`${title}: ${v.persona}/${v.seniority}, want ${p}/${s}`);
  }
  return { persona: persona / rows.length, seniority: seniority / rows.length, misses };
}

describe('title coverage', () => {
  it('holds persona and seniority at or above 90% on the whole table', () => {
    const a = accuracy(TITLES);
    expect(TITLES.length).toBeGreaterThanOrEqual(300);
    // The misses are listed so a failure says which titles slipped.
    expect({ persona: a.persona >= FLOOR, seniority: a.seniority >= FLOOR, misses: a.misses })
      .toEqual({ persona: true, seniority: true, misses: a.misses });
  });

  const languages: Language[] = ['en', 'de', 'fr', 'es', 'pt', 'it', 'nl', 'ja', 'abbr'];
  it.each(languages)('holds the floor in %s', (language) => {
    const rows = TITLES.filter((r) => r[0] === language);
    expect(rows.length).toBeGreaterThanOrEqual(15);
    const a = accuracy(rows);
    expect(a.persona, a.misses.join('\n')).toBeGreaterThanOrEqual(FLOOR);
    expect(a.seniority, a.misses.join('\n')).toBeGreaterThanOrEqual(FLOOR);
  });

  it.each(TRAPS)('[%s] trap %j → %s, %s', (_language, title, persona, seniority) => {
    const v = classifyTitle(title).value;
    expect([v.persona, v.seniority]).toEqual([persona, seniority]);
  });

  it.each(['部長', '取締役', 'エンジニア', 'マーケティング', 'Директор', 'Διευθυντής', 'مدير', '总经理'])('does not fold %j to nothing', (title) => {
    expect(fold(title)).not.toBe('');
    expect(classifyTitle(title).reasons[0]?.message).toContain(title);
  });

  it('folds any text without throwing and keeps letters of every script', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme', maxLength: 40 }), (text) => {
      const folded = fold(text);
      expect(folded).toBe(folded.trim());
      expect(folded).not.toMatch(/ {2}/);
      if (/\p{L}/u.test(text)) expect(folded).toMatch(/[\p{L}\p{N}]/u);
    }), { numRuns: 300 });
  });
});
