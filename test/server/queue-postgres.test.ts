import pg from 'pg';
import { beforeAll, describe } from 'vitest';
import { openPostgresQueue } from '../../lib/server/queue-postgres.ts';
import { queueContract } from './queue.contract.ts';
import { postgresTestUrl } from './postgres.ts';

const url = postgresTestUrl('the PostgreSQL queue contract tests');

describe.skipIf(!url)('the PostgreSQL queue (pg-boss)', () => {
  beforeAll(async () => {
    // Each test starts from empty tables (one fresh schema pair per file run).
    const c = new pg.Client({ connectionString: url! });
    await c.connect();
    await c.query('DROP SCHEMA IF EXISTS pgboss CASCADE; DROP SCHEMA IF EXISTS lead_decisions CASCADE');
    await c.end();
  });
  queueContract(async () => {
    const q = await openPostgresQueue(url!, { leaseSeconds: 1, maintenanceSeconds: 1 });
    return { ...q, close: async () => { await clear(); await q.close(); } };
  }, { ms: 1000 });
});

async function clear(): Promise<void> {
  const c = new pg.Client({ connectionString: url! });
  await c.connect();
  await c.query('TRUNCATE lead_decisions.seen_events, lead_decisions.watermarks, lead_decisions.answers; DELETE FROM pgboss.job');
  await c.end();
}
