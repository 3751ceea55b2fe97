import pg from 'pg';
import { beforeAll, describe } from 'vitest';
import { openPostgresQueue } from '../../lib/server/queue-postgres.ts';
import { queueContract } from './queue.contract.ts';
import { postgresTestUrl } from './postgres.ts';

const url = postgresTestUrl('the PostgreSQL queue contract tests');

describe.skipIf(!url)('the PostgreSQL queue (pg-boss)', () => {
  beforeAll(async () => {
    // Schemas of its own, so the crash test (default schemas) may run at the same time.
    const c = new pg.Client({ connectionString: url! });
    await c.connect();
    await c.query('DROP SCHEMA IF EXISTS ld_contract_boss CASCADE; DROP SCHEMA IF EXISTS ld_contract CASCADE');
    await c.end();
  });
  queueContract(async () => {
    const q = await openPostgresQueue(url!, { leaseSeconds: 1, maintenanceSeconds: 1, schema: 'ld_contract' });
    return { ...q, close: async () => { await clear(); await q.close(); } };
  }, { ms: 1000 });
});

async function clear(): Promise<void> {
  const c = new pg.Client({ connectionString: url! });
  await c.connect();
  await c.query('TRUNCATE ld_contract.seen_events, ld_contract.watermarks, ld_contract.answers, ld_contract.ledger; DELETE FROM ld_contract_boss.job');
  await c.end();
}
