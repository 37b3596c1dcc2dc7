import { randomBytes } from 'node:crypto';
import pg from 'pg';

/** A PostgreSQL server the database tests run against. */
export interface DatabaseTarget {
  name: string;
  /** A connection URL with rights to create databases. */
  adminUrl: string;
}

/**
 * The servers to test on: the embedded PostgreSQL that `npm test` starts, and the server in
 * TEST_DATABASE_URL when set (CI: the machine's PostgreSQL 15).
 */
export function databaseTargets(): DatabaseTarget[] {
  const targets: DatabaseTarget[] = [];
  const embedded = process.env.OPENDEUR_TEST_EMBEDDED_URL;
  if (embedded) targets.push({ name: 'embedded PostgreSQL', adminUrl: embedded });
  if (process.env.TEST_DATABASE_URL)
    targets.push({ name: 'TEST_DATABASE_URL', adminUrl: process.env.TEST_DATABASE_URL });
  if (targets.length === 0) {
    throw new Error(
      'No test database: run the tests with `npm test` (it starts an embedded PostgreSQL), or set TEST_DATABASE_URL.',
    );
  }
  return targets;
}

/** A fresh, empty database of its own for one test file; `drop` removes it. */
export interface TestDatabase {
  url: string;
  drop(): Promise<void>;
}

/** Creates an empty database on `target` with a random name. */
export async function createTestDatabase(target: DatabaseTarget): Promise<TestDatabase> {
  const name = `opendeur_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: target.adminUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(target.adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const client = new pg.Client({ connectionString: target.adminUrl });
      await client.connect();
      try {
        await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        // The app's login role is cluster-wide (see src/db/app-role.ts): remove it with its database.
        await client.query(`DROP ROLE IF EXISTS ${name}_app`);
      } finally {
        await client.end();
      }
    },
  };
}
