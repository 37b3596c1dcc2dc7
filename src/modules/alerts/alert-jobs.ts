import PgBoss from 'pg-boss';
import { deliverAlert, runEscalationSweep, type AlertDeps, type AlertQueue } from './alerts.service.ts';

/** Delivery workers per instance. */
const WORKERS = 2;

/** The job that sends one delivery. */
export const DELIVER_QUEUE = 'alert.deliver';

/** How the job runner retries and how often the sweep runs. */
export interface AlertJobOptions {
  /** The owner's URL: pg-boss creates and migrates its own schema `pgboss`, which the app role may not. */
  ownerUrl: string;
  retryLimit?: number;
  /** Seconds before the first retry; doubled each time (retryBackoff). */
  retryDelay?: number;
  sweepIntervalMs?: number;
  log: (message: string) => void;
}

/**
 * Creates a pg-boss queue unless it exists. Instances starting together on an empty database
 * create the same queues (and their partition tables) at once, which PostgreSQL can answer with a
 * deadlock for one of them; that one waits a moment and tries again.
 */
export async function createQueueOnce(boss: PgBoss, name: string, options: PgBoss.Queue): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      if (!(await boss.getQueue(name))) await boss.createQueue(name, options);
      return;
    } catch (error) {
      if ((error as { code?: string }).code !== '40P01' || attempt >= 5) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50 + Math.random() * 200 * attempt));
    }
  }
}

/** The running job machinery of one instance. */
export interface AlertJobs {
  queue: AlertQueue;
  /** The instance's one pg-boss, for other modules' queues (cases); stopped with the alert jobs. */
  boss: PgBoss;
  stop(): Promise<void>;
}

/**
 * Starts pg-boss and the escalation sweep. pg-boss runs with the owner's URL in its own small pool
 * (max 5, shared with the case sweeps): it must create its schema and tables, and its queries touch only that schema — app data
 * is read and written through `deps.db` (the app role, under row-level security). The sweep is a
 * plain interval on every instance: it locks due alerts with SKIP LOCKED, so instances never
 * escalate one alert twice, and it reads the app clock so tests can move time.
 */
export async function startAlertJobs(deps: AlertDeps, options: AlertJobOptions): Promise<AlertJobs> {
  const boss = new PgBoss({
    connectionString: options.ownerUrl,
    max: WORKERS + 3,
    schedule: false,
    application_name: 'opendeur-jobs',
  });
  boss.on('error', (error) => options.log(`pg-boss: ${error.message}`));
  await boss.start();
  await createQueueOnce(boss, DELIVER_QUEUE, {
    name: DELIVER_QUEUE,
    retryLimit: options.retryLimit ?? 10,
    retryDelay: options.retryDelay ?? 2,
    retryBackoff: true,
    expireInSeconds: 60,
  });
  // Several workers, one job each: a slow SMTP server or a backlog of re-enqueued jobs must not hold
  // up a fresh alert behind them (pg-boss 10 has no team size; each work() call is one poller).
  const workerIds: string[] = [];
  for (let worker = 0; worker < WORKERS; worker++) {
    workerIds.push(
      await boss.work<{ deliveryId: string; municipalityCode: string }>(
        DELIVER_QUEUE,
        { pollingIntervalSeconds: 0.5, batchSize: 1 },
        async ([job]) => {
          if (job) await deliverAlert(deps, job.data.deliveryId, job.data.municipalityCode);
        },
      ),
    );
  }
  const queue: AlertQueue = {
    async enqueue(deliveries) {
      await boss.insert(
        deliveries.map((d) => ({
          name: DELIVER_QUEUE,
          data: { deliveryId: d.id, municipalityCode: d.municipalityCode },
          retryLimit: options.retryLimit ?? 10,
          retryDelay: options.retryDelay ?? 2,
          retryBackoff: true,
        })),
      );
      // Wake this instance's worker now rather than at its next poll: the alert should arrive in seconds.
      for (const workerId of workerIds) boss.notifyWorker(workerId);
    },
  };
  const jobDeps: AlertDeps = { ...deps, queue };
  const clock = deps.clock ?? (() => new Date());
  let sweeping: Promise<unknown> = Promise.resolve();
  const timer = setInterval(() => {
    sweeping = runEscalationSweep(jobDeps, clock()).catch((error: Error) =>
      options.log(`alert sweep failed: ${error.message}`),
    );
  }, options.sweepIntervalMs ?? 20_000);
  timer.unref();
  return {
    queue,
    boss,
    async stop() {
      clearInterval(timer);
      await sweeping;
      await boss.stop({ graceful: true, wait: true, timeout: 5_000 });
    },
  };
}
