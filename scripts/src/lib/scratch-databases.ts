/**
 * Scratch PostgreSQL databases of a test run or a benchmark: each run names its databases with its own prefix
 * (`ssj_t_<run>_`, `ssj_bench_<name>_<pid>_`, …) and drops them when it ends, so that a second run does not meet the
 * first one's rows (a benchmark used to keep fixed `ssj_*` databases and fail at its first matter the next time).
 */
import pg from "pg";

/** Drops every database of the server at `pgUrl` whose name starts with `prefix` (connections are closed first). */
export async function dropDatabases(pgUrl: string, prefix: string): Promise<void> {
  const client = new pg.Client({ connectionString: `${pgUrl.replace(/\/?$/, "/")}postgres` });
  await client.connect();
  try {
    const { rows } = await client.query<{ datname: string }>("select datname from pg_database where datname like $1", [
      `${prefix.replace(/[\\%_]/g, (c) => `\\${c}`)}%`,
    ]);
    for (const r of rows) await client.query(`drop database if exists "${r.datname.replace(/"/g, '""')}" with (force)`);
  } finally {
    await client.end();
  }
}
