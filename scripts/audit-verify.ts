/**
 * `npm run audit:verify`: checks the audit log's hash chain in DATABASE_URL, or in the embedded
 * PostgreSQL in OPENDEUR_DATA_DIR. Prints "audit chain intact (N entries)" and exits 0, or names the
 * first broken entry and why, and exits 2. Exits 1 when it cannot check at all.
 */
import { sql } from 'drizzle-orm';
import { loadConfig } from '../src/config.ts';
import { startEmbeddedServer } from '../src/db/embedded-server.ts';
import { openDatabase } from '../src/db/pool.ts';
import { verifyAuditChain } from '../src/modules/audit/audit.repository.ts';

const config = loadConfig();
const embedded =
  config.database.kind === 'embedded' ? await startEmbeddedServer({ directory: config.database.directory }) : undefined;
const database = openDatabase(embedded?.url ?? (config.database as { url: string }).url);
let exitCode = 1;
try {
  // One snapshot for the count and the check, so an append in between cannot make them disagree.
  const outcome = await database.db.transaction(
    async (tx) => {
      const counted = await tx.execute<{ n: string }>(sql`SELECT count(*) AS n FROM audit_log`);
      return { entries: Number(counted.rows[0]?.n ?? 0), broken: await verifyAuditChain(tx) };
    },
    { isolationLevel: 'repeatable read', accessMode: 'read only' },
  );
  if (outcome.broken) {
    console.error(`audit chain broken at entry ${outcome.broken.brokenId}: ${outcome.broken.reason}`);
    exitCode = 2;
  } else {
    console.log(`audit chain intact (${outcome.entries} entries)`);
    exitCode = 0;
  }
} catch (error) {
  const code = (error as { cause?: { code?: string } }).cause?.code;
  console.error(
    code === '42P01' || code === '42883'
      ? 'The database has no audit log yet: run `npm run db:migrate` first.'
      : `Cannot verify the audit chain: ${(error as Error).message}`,
  );
} finally {
  await database.close();
  await embedded?.stop();
}
process.exit(exitCode);
