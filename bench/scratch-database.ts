import { randomBytes } from 'node:crypto';
import pg from 'pg';

/** A database made for one bench run on an existing server; `drop` removes it. */
export interface ScratchDatabase {
  url: string;
  drop(): Promise<void>;
}

/** Creates an empty database next to the one in `serverUrl`, so the bench leaves that one untouched. */
export async function createScratchDatabase(serverUrl: string): Promise<ScratchDatabase> {
  const name = `opendeur_bench_${randomBytes(6).toString('hex')}`;
  await runAdmin(serverUrl, `CREATE DATABASE ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => runAdmin(serverUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}

async function runAdmin(serverUrl: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}
