/**
 * `npm run bench`: one run measures the municipality page against a bare Fastify route on the same
 * app (requests/s, p99, ratio), the page's compressed size, the child's write form against a bare
 * INSERT of the same rows (messages/s, ratio), and start-up time and idle memory of `src/main.ts`,
 * then prints them with their targets. The figures are a report: missed targets
 * print FAIL but exit 0; a bench that could not measure (errors, non-2xx answers) exits 1.
 */
import { fork, type ChildProcess } from 'node:child_process';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { mergeRounds, runLoad, type LoadFigures } from './load.ts';
import { bareInsert, closedLoop, insertPool, mergeLoops, sendWriteForm, type LoopFigures } from './message.ts';
import { formatTable, kilobytes, megabytes, sizeCell, type Row } from './report.ts';
import { measureSizes, getRaw, type SizeFigures } from './size.ts';
import { ACCEPT_ENCODING, BARE_ROUTE, LOAD, MESSAGE_LOAD, PAGE_ROUTE, TARGETS } from './settings.ts';
import { measureStarts } from './startup.ts';

const headers = { 'accept-encoding': ACCEPT_ENCODING };
log(`opendeur bench on ${os.cpus().length} CPUs, load average ${loadAverage()}`);

const served = await startBenchServer();
let load: { page: LoadFigures; bare: LoadFigures };
let sizes: SizeFigures;
let messages: { form: LoopFigures; insert: LoopFigures };
try {
  log(`app with ${served.database} on ${served.baseUrl}, LOG_LEVEL=warn`);
  const page = `${served.baseUrl}${PAGE_ROUTE}`;
  const bare = `${served.baseUrl}${BARE_ROUTE}`;
  const check = await getRaw(served.baseUrl, PAGE_ROUTE, ACCEPT_ENCODING);
  if (check.encoding !== 'br') throw new Error(`${PAGE_ROUTE} was not sent with brotli`);

  log(`warming up ${LOAD.warmupSeconds} s per route`);
  await runLoad(page, LOAD.warmupSeconds, headers);
  await runLoad(bare, LOAD.warmupSeconds, headers);
  const rounds: Record<'page' | 'bare', Awaited<ReturnType<typeof runLoad>>[]> = { page: [], bare: [] };
  // Short rounds in the order bare, page, page, bare, bare, page, …: whatever else the machine does
  // meanwhile weighs on both routes alike.
  log(
    `loading both routes, ${LOAD.rounds} × ${LOAD.roundSeconds} s each, interleaved, ${LOAD.connections} connections`,
  );
  for (let round = 0; round < LOAD.rounds; round++) {
    for (const which of round % 2 === 0 ? (['bare', 'page'] as const) : (['page', 'bare'] as const)) {
      rounds[which].push(await runLoad(which === 'page' ? page : bare, LOAD.roundSeconds, headers));
    }
  }
  load = { page: mergeRounds(page, rounds.page), bare: mergeRounds(bare, rounds.bare) };
  sizes = await measureSizes(served.baseUrl, PAGE_ROUTE);
  messages = await measureMessages(served.baseUrl, served.ownerUrl);
} finally {
  await served.stop();
}

log('measuring start-up: fresh data directory, then warm');
const starts = await measureStarts();

const ratio = load.page.requestsPerSecond / load.bare.requestsPerSecond;
const messageRatio = messages.form.requestsPerSecond / messages.insert.requestsPerSecond;
const rows: Row[] = [
  { figure: `page ${PAGE_ROUTE} requests/s`, value: load.page.requestsPerSecond.toFixed(0) },
  { figure: `bare ${BARE_ROUTE} requests/s`, value: load.bare.requestsPerSecond.toFixed(0) },
  {
    figure: 'page / bare requests/s',
    value: `${(ratio * 100).toFixed(1)} %`,
    target: `>= ${TARGETS.minRatio * 100} %`,
    pass: ratio >= TARGETS.minRatio,
  },
  {
    figure: 'page p99 latency',
    value: `${load.page.p99Ms} ms`,
    target: `<= ${TARGETS.maxP99Ms} ms`,
    pass: load.page.p99Ms <= TARGETS.maxP99Ms,
  },
  { figure: 'page p50 latency', value: `${load.page.p50Ms} ms` },
  { figure: 'bare p99 latency', value: `${load.bare.p99Ms} ms` },
  {
    figure: 'page errors + non-2xx',
    value: `${load.page.errors} + ${load.page.non2xx}`,
    target: '0',
    pass: load.page.errors + load.page.non2xx === 0,
  },
  {
    figure: 'bare errors + non-2xx',
    value: `${load.bare.errors} + ${load.bare.non2xx}`,
    target: '0',
    pass: load.bare.errors + load.bare.non2xx === 0,
  },
  { figure: 'page HTML, brotli', value: sizeCell(sizes.br.html) },
  { figure: 'CSS, brotli', value: sizeCell(sizes.br.css) },
  {
    figure: 'page HTML + CSS, brotli',
    value: sizeCell(sizes.br.total),
    target: `<= ${kilobytes(TARGETS.maxCompressedBytes)}`,
    pass: sizes.br.total <= TARGETS.maxCompressedBytes,
  },
  { figure: 'page HTML, gzip', value: sizeCell(sizes.gzip.html) },
  { figure: 'CSS, gzip', value: sizeCell(sizes.gzip.css) },
  {
    figure: 'page HTML + CSS, gzip',
    value: sizeCell(sizes.gzip.total),
    target: `<= ${kilobytes(TARGETS.maxCompressedBytes)}`,
    pass: sizes.gzip.total <= TARGETS.maxCompressedBytes,
  },
  { figure: 'write form POST messages/s', value: messages.form.requestsPerSecond.toFixed(0) },
  { figure: 'bare INSERT (pg) messages/s', value: messages.insert.requestsPerSecond.toFixed(0) },
  {
    figure: 'write form / bare INSERT',
    value: `${(messageRatio * 100).toFixed(1)} %`,
    target: `>= ${TARGETS.minMessageRatio * 100} %`,
    pass: messageRatio >= TARGETS.minMessageRatio,
  },
  { figure: 'write form p50 / p99 latency', value: `${messages.form.p50Ms} / ${messages.form.p99Ms} ms` },
  { figure: 'bare INSERT p50 / p99 latency', value: `${messages.insert.p50Ms} / ${messages.insert.p99Ms} ms` },
  {
    figure: 'write form + INSERT failures',
    value: `${messages.form.failures} + ${messages.insert.failures}`,
    target: '0',
    pass: messages.form.failures + messages.insert.failures === 0,
  },
  ...(['fresh', 'warm'] as const).flatMap((kind): Row[] => [
    {
      figure: `${kind} start to first 200 on /`,
      value: `${starts[kind].seconds.toFixed(2)} s`,
      target: `<= ${TARGETS.maxStartSeconds} s`,
      pass: starts[kind].seconds <= TARGETS.maxStartSeconds,
    },
    {
      figure: `idle RSS after ${kind} start (app + PostgreSQL)`,
      value: megabytes(starts[kind].memory.rssBytes),
      target: `<= ${megabytes(TARGETS.maxIdleRssBytes)}`,
      pass: starts[kind].memory.rssBytes <= TARGETS.maxIdleRssBytes,
    },
    {
      figure: `  of which app / PostgreSQL (${starts[kind].memory.postgresProcesses} processes)`,
      value: `${megabytes(starts[kind].memory.appRssBytes)} / ${megabytes(starts[kind].memory.postgresRssBytes)}`,
    },
    { figure: '  PSS (shared pages counted once)', value: megabytes(starts[kind].memory.pssBytes) },
  ]),
];

console.log(`\n${formatTable(rows)}\n`);
log(
  `load average at the end ${loadAverage()} (on ${os.cpus().length} CPUs; other work on the machine lowers every figure)`,
);
console.log(
  `stylesheet: ${sizes.stylesheetUrl}; KB = 1024 bytes; ${load.page.requests} page and ${load.bare.requests} bare requests in ${load.page.seconds.toFixed(1)} s and ${load.bare.seconds.toFixed(1)} s`,
);
const broken = load.page.errors + load.page.non2xx + load.bare.errors + load.bare.non2xx;
if (messages.form.failures + messages.insert.failures > 0) {
  console.error(
    `The message figures are not valid: ${messages.form.failures} forms without a code (e.g. ${messages.form.failureSample}), ${messages.insert.failures} failed INSERTs (e.g. ${messages.insert.failureSample})`,
  );
  process.exit(1);
}
if (broken > 0) {
  console.error(
    `The load figures are not valid: status codes page ${JSON.stringify(load.page.statusCodes)}, bare ${JSON.stringify(load.bare.statusCodes)}`,
  );
  process.exit(1);
}
process.exit(0);

/** Forks bench/serve.ts and waits until it listens; `stop` ends it and waits for its clean-up. */
async function startBenchServer(): Promise<{
  baseUrl: string;
  database: string;
  ownerUrl: string;
  stop(): Promise<void>;
}> {
  const child: ChildProcess = fork(fileURLToPath(new URL('./serve.ts', import.meta.url)), [], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const ready = await new Promise<{ port: number; database: string; ownerUrl: string }>((resolve, reject) => {
    child.once('message', (message) => resolve(message as { port: number; database: string; ownerUrl: string }));
    child.once('exit', (code) => reject(new Error(`bench/serve.ts exited with ${code} before listening`)));
  });
  return {
    baseUrl: `http://127.0.0.1:${ready.port}`,
    database: ready.database,
    ownerUrl: ready.ownerUrl,
    async stop() {
      if (child.connected) child.send('stop');
      await exited;
    },
  };
}

/**
 * Sends the write form and bare INSERTs of the same rows in short interleaved rounds at the same
 * concurrency (MESSAGE_LOAD), after a warm-up of each.
 */
async function measureMessages(baseUrl: string, ownerUrl: string): Promise<{ form: LoopFigures; insert: LoopFigures }> {
  const pool = insertPool(ownerUrl);
  try {
    const form = () => sendWriteForm(baseUrl, MESSAGE_LOAD.slug);
    const insert = () => bareInsert(pool, MESSAGE_LOAD.municipalityCode);
    log(
      `write to the mayor: the form vs a bare INSERT, ${MESSAGE_LOAD.rounds} × ${MESSAGE_LOAD.roundSeconds} s each, interleaved, ${MESSAGE_LOAD.connections} at once`,
    );
    await closedLoop(MESSAGE_LOAD.warmupSeconds, form);
    await closedLoop(MESSAGE_LOAD.warmupSeconds, insert);
    const rounds: Record<'form' | 'insert', LoopFigures[]> = { form: [], insert: [] };
    for (let round = 0; round < MESSAGE_LOAD.rounds; round++) {
      for (const which of round % 2 === 0 ? (['insert', 'form'] as const) : (['form', 'insert'] as const)) {
        rounds[which].push(await closedLoop(MESSAGE_LOAD.roundSeconds, which === 'form' ? form : insert));
      }
    }
    return { form: mergeLoops(rounds.form), insert: mergeLoops(rounds.insert) };
  } finally {
    await pool.end();
  }
}

function log(message: string) {
  console.log(`# ${message}`);
}

function loadAverage(): string {
  return os
    .loadavg()
    .map((value) => value.toFixed(2))
    .join(' ');
}
