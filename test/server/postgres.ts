// Where the PostgreSQL tests find their database: LEAD_DECISIONS_TEST_PG_URL (.ci/run sets it
// up). Without it they are skipped with a printed line, except in CI (CI=true or
// LEAD_DECISIONS_REQUIRE_POSTGRES=1), where that is a failure.
export function postgresTestUrl(suite: string): string | null {
  const url = process.env['LEAD_DECISIONS_TEST_PG_URL']?.trim();
  if (url) return url;
  if (process.env['CI'] === 'true' || process.env['CI'] === '1' || process.env['LEAD_DECISIONS_REQUIRE_POSTGRES'] === '1') {
    throw new Error(`${suite}: LEAD_DECISIONS_TEST_PG_URL is not set, and CI is: .ci/run (.ci/postgres-test-db) starts PostgreSQL and sets it.`);
  }
  console.warn(`Skipping ${suite}: LEAD_DECISIONS_TEST_PG_URL is not set (e.g. postgres://ld_test:ld_test@127.0.0.1:5432/ld_test).`);
  return null;
}
