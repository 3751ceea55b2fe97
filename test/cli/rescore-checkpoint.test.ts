// The SQLite checkpoint: runs survive a reopen (a new process after kill -9) with their counts,
// routing state and pending updates, a file from before those were kept still opens, the ledger keeps the
// first record of a task, moves it through sent → done, and counts per owner for the throttle.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Checkpoint } from '../../lib/services/rescore-checkpoint.ts';
import { emptyReport, type ContactUpdate } from '../../lib/services/batch-rescore.ts';
import { createMemoryLedger, type SideEffectLedger } from '../../lib/services/side-effect-ledger.ts';

let dir: string;
beforeEach(() => { dir = mkdtempSync(join(tmpdir(), 'checkpoint-')); });
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const entry = (contactId: string, dedupeKey: string, ownerId = '101', recordedAt = '2026-11-27T09:00:00.000Z') =>
  ({ contactId, dedupeKey, ownerId, subject: 'Follow up', body: 'High intent', recordedAt });

describe('Checkpoint runs', () => {
  it('reopens with the run, its cursor and counts, and finishes it', () => {
    const file = join(dir, 'nested', 'rescore.sqlite');
    const first = new Checkpoint(file);
    const run = first.startRun({ kind: 'ids', ids: ['1', '2'], file: 'ids.txt' }, true, new Date('2026-11-27T09:00:00Z'), emptyReport());
    expect(run).toMatchObject({ routing: null, pending: [] });
    const report = { ...emptyReport(), read: 500, changed: 380, unchanged: 20, errors: [{ contactId: '7', code: 'update_rejected', message: 'bad value' }], tasksByOwner: { '101': 3 } };
    const routing = { load: { '101': 41, '108': 500 }, accountOwners: { 'acme.com': '101' } };
    const pending: ContactUpdate[] = [{ id: '401', properties: { hubspot_owner_id: '101', lead_score: '72' } }, { id: '402', properties: { lead_score: '12' } }];
    first.save(run.id, '500', { report, routing, pending });
    first.close();

    const again = new Checkpoint(file);
    const open = again.unfinishedRun();
    expect(open).toMatchObject({ id: run.id, scope: { kind: 'ids', ids: ['1', '2'] }, history: true, decidedAt: '2026-11-27T09:00:00.000Z', cursor: '500', status: 'running', routing, pending });
    expect(open?.report).toMatchObject({ read: 500, changed: 380, unchanged: 20, tasksByOwner: { '101': 3 } });
    expect(open?.report.errors).toHaveLength(1);
    again.save(run.id, 'done', { report: open!.report }, 'finished');
    expect(again.unfinishedRun()).toBeNull();
    expect(again.lastFinishedStart()).toBe(run.startedAt);
    again.close();
  });

  it('opens a file written before routing and pending updates were kept; its run resumes without them', () => {
    const file = join(dir, 'old.sqlite');
    const db = new Database(file);
    db.exec(`CREATE TABLE runs (id INTEGER PRIMARY KEY AUTOINCREMENT, scope TEXT NOT NULL, history INTEGER NOT NULL,
      decided_at TEXT NOT NULL, started_at TEXT NOT NULL, cursor TEXT, report TEXT NOT NULL, status TEXT NOT NULL)`);
    db.prepare('INSERT INTO runs (scope, history, decided_at, started_at, cursor, report, status) VALUES (?, 1, ?, ?, ?, ?, ?)')
      .run(JSON.stringify({ kind: 'all' }), '2026-11-27T09:00:00.000Z', '2026-11-27T09:00:01.000Z', '1000', JSON.stringify({ ...emptyReport(), read: 1000, errors: undefined, errorCount: 0 }), 'running');
    db.close();
    const cp = new Checkpoint(file);
    const open = cp.unfinishedRun();
    expect(open).toMatchObject({ cursor: '1000', routing: null, pending: [], report: { read: 1000 } });
    cp.save(open!.id, '1500', { report: open!.report, routing: { load: { '108': 3 }, accountOwners: {} }, pending: [] });
    expect(cp.unfinishedRun()).toMatchObject({ cursor: '1500', routing: { load: { '108': 3 } }, pending: [] });
    cp.close();
  });

  it('supersedes an unfinished run when a new one starts', () => {
    const cp = new Checkpoint(join(dir, 'c.sqlite'));
    cp.startRun({ kind: 'all' }, true, new Date(), emptyReport());
    const second = cp.startRun({ kind: 'all' }, false, new Date(), emptyReport());
    expect(cp.unfinishedRun()?.id).toBe(second.id);
    cp.close();
  });

  it('throws for a path it cannot create', () => {
    expect(() => new Checkpoint(join(dir, 'not-a-dir.sqlite', '\0bad'))).toThrow();
  });
});

describe.each([
  ['sqlite', () => { const cp = new Checkpoint(join(dir, 'ledger.sqlite')); return { ledger: cp.ledger, close: () => cp.close() }; }],
  ['memory', () => ({ ledger: createMemoryLedger(), close: () => {} })],
])('SideEffectLedger (%s)', (_name, make: () => { ledger: SideEffectLedger; close(): void }) => {
  it('keeps the first record of a task, and settles it queued → sent → done', async () => {
    const { ledger, close } = make();
    await ledger.record([entry('1', 'k1'), entry('2', 'k2')]);
    await ledger.record([{ ...entry('1', 'k1'), subject: 'A second decision' }]);
    expect((await ledger.entriesFor(['1'])).map((e) => [e.subject, e.state])).toEqual([['Follow up', 'queued']]);
    await ledger.mark([{ contactId: '1', dedupeKey: 'k1' }], 'sent');
    expect((await ledger.unfinished()).map((e) => [e.contactId, e.state])).toEqual([['1', 'sent'], ['2', 'queued']]);
    await ledger.mark([{ contactId: '1', dedupeKey: 'k1', taskId: '9001' }], 'done');
    expect(await ledger.entriesFor(['1'])).toEqual([{ ...entry('1', 'k1'), state: 'done', taskId: '9001' }]);
    expect((await ledger.unfinished()).map((e) => e.contactId)).toEqual(['2']);
    close();
  });

  it('counts tasks per owner inside [since, before)', async () => {
    const { ledger, close } = make();
    await ledger.record([
      entry('1', 'a', '101', '2026-11-26T10:00:00.000Z'), entry('2', 'b', '101', '2026-11-27T08:00:00.000Z'),
      entry('3', 'c', '102', '2026-11-27T08:30:00.000Z'), entry('4', 'd', '102', '2026-11-27T09:00:00.000Z'),
    ]);
    expect(await ledger.countByOwner('2026-11-26T09:00:00.000Z', '2026-11-27T09:00:00.000Z')).toEqual({ '101': 2, '102': 1 });
    expect(await ledger.countByOwner('2026-11-27T00:00:00.000Z', '2026-11-27T09:00:00.001Z')).toEqual({ '101': 1, '102': 2 });
    close();
  });
});
