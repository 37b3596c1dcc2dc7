import type PgBoss from 'pg-boss';
import { createQueueOnce } from '../alerts/alert-jobs.ts';
import type { Clock } from '../accounts/sessions.service.ts';
import { runFollowUpSweeps, type CaseSweepDeps } from './case-sweeps.ts';
import { runRetentionSweep } from './retention.service.ts';

/** The job that sends task reminders and flags untouched cases. */
export const FOLLOW_UP_QUEUE = 'case.follow_up';
/** The job that destroys closed cases at the end of their retention term. */
export const RETENTION_QUEUE = 'case.retention';

/** How often the sweeps are queued (tests: short). */
export interface CaseJobOptions {
  /** The instance's pg-boss (started by the alert jobs, see alert-jobs.ts): one pool, one poller per queue. */
  boss: PgBoss;
  /** Default 5 minutes. */
  followUpIntervalMs?: number;
  /** Default 1 hour (and once at start). */
  retentionIntervalMs?: number;
  log: (message: string) => void;
}

/** The running case jobs of one instance. */
export interface CaseJobs {
  stop(): Promise<void>;
}

/**
 * Starts the case sweeps as durable pg-boss work: every instance queues them on a timer, and the
 * queues are 'stately' (at most one waiting and one running job each), so several instances neither
 * pile jobs up nor sweep twice at once; a job that fails or dies with its instance is retried. The
 * worker reads the app's clock when it runs, so tests move time by hand.
 */
export async function startCaseJobs(
  deps: CaseSweepDeps & { clock: Clock },
  options: CaseJobOptions,
): Promise<CaseJobs> {
  const { boss } = options;
  const queues = [
    { name: FOLLOW_UP_QUEUE, expireInSeconds: 10 * 60, run: () => runFollowUpSweeps(deps, deps.clock()) },
    { name: RETENTION_QUEUE, expireInSeconds: 30 * 60, run: () => runRetentionSweep(deps, deps.clock()) },
  ];
  const workers = new Map<string, string>();
  for (const queue of queues) {
    await createQueueOnce(boss, queue.name, {
      name: queue.name,
      policy: 'stately',
      retryLimit: 3,
      retryDelay: 30,
      retryBackoff: true,
      expireInSeconds: queue.expireInSeconds,
    });
    workers.set(
      queue.name,
      await boss.work(queue.name, { pollingIntervalSeconds: 2, batchSize: 1 }, async () => {
        await queue.run();
      }),
    );
  }
  const enqueue = (name: string) => {
    boss
      .send(name, {})
      .then(() => {
        const worker = workers.get(name);
        if (worker) boss.notifyWorker(worker);
      })
      .catch((error: Error) => options.log(`queueing ${name} failed: ${error.message}`));
  };
  enqueue(RETENTION_QUEUE);
  const timers = [
    setInterval(() => enqueue(FOLLOW_UP_QUEUE), options.followUpIntervalMs ?? 5 * 60_000),
    setInterval(() => enqueue(RETENTION_QUEUE), options.retentionIntervalMs ?? 60 * 60_000),
  ];
  for (const timer of timers) timer.unref();
  return {
    async stop() {
      for (const timer of timers) clearInterval(timer);
      // The workers only; pg-boss itself stops with the alert jobs.
      for (const queue of queues) await boss.offWork(queue.name);
    },
  };
}
