import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe } from 'vitest';
import { openSqliteQueue } from '../../lib/server/queue-sqlite.ts';
import { queueContract } from './queue.contract.ts';

const dir = mkdtempSync(join(tmpdir(), 'ld-queue-'));
let n = 0;
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the SQLite queue', () => {
  queueContract(async () => openSqliteQueue(join(dir, `q${n++}.sqlite`)), { ms: 100 });
});
