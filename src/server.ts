import type { FastifyInstance } from 'fastify';
import pino from 'pino';
import type { Config } from './config.ts';
import { listenForChanges, type ChangeListener } from './db/change-listener.ts';
import { startEmbeddedServer, type EmbeddedServer } from './db/embedded-server.ts';
import { ensureAppRole } from './db/app-role.ts';
import { migrateDatabase } from './db/migrate.ts';
import { openDatabase, type DatabaseHandle } from './db/pool.ts';
import { buildApp } from './http/app.ts';
import type { RouteEntry } from './http/route-policy.ts';
import { AlertEvents } from './modules/alerts/alert-events.ts';
import { startAlertJobs, type AlertJobs } from './modules/alerts/alert-jobs.ts';
import { startCaseJobs, type CaseJobs } from './modules/cases/case-jobs.ts';
import { createSmsGateway } from './modules/alerts/sms-gateway.ts';
import { issueSetupTokenIfFirstRun } from './modules/accounts/setup.service.ts';
import type { Clock } from './modules/accounts/sessions.service.ts';
import { ConversationEvents } from './modules/conversations/conversation-events.ts';
import { startThrottleHousekeeping } from './modules/conversations/public-throttle.ts';
import { Keyring } from './modules/crypto/keyring.ts';
import { createMailer, type Mailer } from './modules/mail/mailer.ts';
import { loadDemoData, removeDemoData } from './modules/municipalities/demo-data.ts';
import { startCoverageWatch } from './modules/roster/coverage-watch.ts';
import { importRegistry } from './modules/municipalities/registry-import.ts';
import { PageCache } from './modules/public-site/page-cache.ts';
import { createPublicSite } from './modules/public-site/public-site.ts';
import { seedToolkit } from './modules/toolkit/toolkit-seed.ts';
import { loadHelpLines } from './web/help-lines.ts';

/** A running opendeur: the app, its database, and how to stop both in order. */
export interface RunningServer {
  app: FastifyInstance;
  routes: RouteEntry[];
  /** The app's pool: the `<database>_app` role, which owns nothing, so row-level security applies. */
  database: DatabaseHandle;
  /** The owner's URL (migrations, administration); the app itself never queries with it. */
  databaseUrl: string;
  /** The first-run setup link, when there are no staff accounts yet. */
  setupUrl: string | undefined;
  /** The keys for encryption at rest (tests use it to write conversations as the app would). */
  keyring: Keyring;
  /** The alert job queue of this instance (tests enqueue through it as the app does). */
  alertJobs: AlertJobs;
  stop(): Promise<void>;
}

/** What a caller (main, tests, benchmarks) may put in besides the config. */
export interface ServerOptions {
  extraRoutes?: (app: FastifyInstance) => void;
  clock?: Clock;
  mailer?: Mailer;
  /** Alert job tuning (tests: short retries and sweeps). */
  alertJobs?: { retryLimit?: number; retryDelay?: number; sweepIntervalMs?: number };
  /** Case sweep intervals (task reminders and untouched cases; retention). */
  caseJobs?: { followUpIntervalMs?: number; retentionIntervalMs?: number };
  /** How often the coverage watch runs (tests: short). */
  coverageWatchIntervalMs?: number;
}

/** The public-content channel that empties page caches; see migration 0001. */
export const PUBLIC_CONTENT_CHANNEL = 'opendeur_public_content';

/**
 * Composition root: database (embedded or external) → migrations and registry import → app.
 * Does not listen; main.ts and the tests decide where.
 */
export async function startServer(config: Config, options: ServerOptions = {}): Promise<RunningServer> {
  const clock = options.clock ?? (() => new Date());
  const log = pino({ level: config.logLevel });
  const helpLines = loadHelpLines(config.helpLinesFile);
  let embedded: EmbeddedServer | undefined;
  if (config.database.kind === 'embedded') {
    const started = performance.now();
    embedded = await startEmbeddedServer({
      directory: config.database.directory,
      log: (line) => log.debug({ postgres: line }),
    });
    log.info(
      { ms: Math.round(performance.now() - started), directory: config.database.directory },
      'embedded PostgreSQL started',
    );
  }
  const databaseUrl = embedded?.url ?? (config.database as { url: string }).url;
  const onIdleError = (error: Error) => log.warn({ err: error.message }, 'idle database connection failed');
  let database: DatabaseHandle | undefined;
  let listener: ChangeListener | undefined;
  const conversationEvents = new ConversationEvents();
  const alertEvents = new AlertEvents();
  let alertJobs: AlertJobs | undefined;
  let caseJobs: CaseJobs | undefined;
  let stopCoverageWatch: (() => Promise<void>) | undefined;
  const mailer =
    options.mailer ??
    createMailer({
      ...config.mail,
      log: (mail) => log.warn({ mail }, 'no SMTP_URL: e-mail written to the log instead of sent'),
    });
  try {
    const owner = openDatabase(databaseUrl, onIdleError);
    let appUrl: string;
    let keyring: Keyring;
    try {
      await migrateDatabase(owner, async () => {
        const imported = await importRegistry(owner.db);
        log.info(imported, imported.skipped ? 'registry unchanged' : 'registry imported');
        await (config.demo ? loadDemoData(owner.db) : removeDemoData(owner.db));
        await seedToolkit(owner.db);
      });
      appUrl = await ensureAppRole(databaseUrl);
      keyring = await Keyring.open(config.masterKeyFile, owner.db);
    } finally {
      await owner.close();
    }
    database = openDatabase(appUrl, onIdleError);
    const setupToken = await issueSetupTokenIfFirstRun(database.db, clock());
    const setupUrl = setupToken ? `${config.publicBaseUrl}/beheer/setup#token=${setupToken}` : undefined;
    if (setupUrl)
      log.warn({ setupUrl }, `First run: create the first national coordinator within 1 hour at ${setupUrl}`);
    const cache = new PageCache(() => listener?.connected ?? false, { clock });
    listener = listenForChanges(
      appUrl,
      PUBLIC_CONTENT_CHANNEL,
      () => cache.clear(),
      (message) => log.warn(message),
    );
    conversationEvents.start(appUrl, (message) => log.warn(message));
    alertEvents.start(appUrl, (message) => log.warn(message));
    const stopHousekeeping = startThrottleHousekeeping(database.db, clock, (message) => log.warn(message));
    const alertLog = (message: string) => log.warn(message);
    const sms = createSmsGateway(config.sms);
    alertJobs = await startAlertJobs(
      { db: database.db, mailer, publicBaseUrl: config.publicBaseUrl, clock, log: alertLog, ...(sms ? { sms } : {}) },
      { ownerUrl: databaseUrl, log: alertLog, ...options.alertJobs },
    );
    caseJobs = await startCaseJobs(
      { db: database.db, mailer, publicBaseUrl: config.publicBaseUrl, clock, log: alertLog },
      { boss: alertJobs.boss, log: alertLog, ...options.caseJobs },
    );
    stopCoverageWatch = startCoverageWatch(
      { db: database.db, mailer, publicBaseUrl: config.publicBaseUrl, log: alertLog },
      clock,
      options.coverageWatchIntervalMs,
    );
    const site = createPublicSite({ helpLines, quickExitUrl: config.quickExitUrl });
    const { app, routes } = await buildApp({
      config,
      database,
      site,
      cache,
      api: {
        db: database.db,
        keyring,
        conversationEvents,
        alertEvents,
        codeExpiryDays: config.codeExpiryDays,
        clock,
        mailer,
        publicBaseUrl: config.publicBaseUrl,
        alerting: { queue: alertJobs.queue, log: alertLog, ...(sms ? { sms } : {}) },
      },
      extraRoutes: options.extraRoutes,
    });
    const appDatabase = database;
    const runningJobs = alertJobs;
    const runningCaseJobs = caseJobs;
    const stopWatch = stopCoverageWatch;
    return {
      app,
      routes,
      database: appDatabase,
      databaseUrl,
      setupUrl,
      keyring,
      alertJobs: runningJobs,
      async stop() {
        try {
          stopHousekeeping();
          await app.close();
          await runningCaseJobs.stop();
          await stopWatch();
          await runningJobs.stop();
          await listener?.close();
          await conversationEvents.close();
          await alertEvents.close();
          await appDatabase.close();
          mailer.close();
        } finally {
          // Also after a failed step: an embedded PostgreSQL must never outlive the app.
          await embedded?.stop();
        }
      },
    };
  } catch (error) {
    await caseJobs?.stop().catch(() => {});
    await stopCoverageWatch?.();
    await alertJobs?.stop().catch(() => {});
    await listener?.close();
    await conversationEvents.close();
    await alertEvents.close();
    await database?.close().catch(() => {});
    mailer.close();
    await embedded?.stop();
    throw error;
  }
}
