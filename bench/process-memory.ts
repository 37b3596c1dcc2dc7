import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';

/** Resident memory of the app and its embedded PostgreSQL, read from /proc. */
export interface MemoryFigures {
  /** Sum of VmRSS: pages shared between PostgreSQL processes count once per process. */
  rssBytes: number;
  /** Sum of Pss: shared pages split between the processes that share them. */
  pssBytes: number;
  appRssBytes: number;
  postgresRssBytes: number;
  postgresProcesses: number;
}

/**
 * Memory of the node process `appPid` and of the PostgreSQL serving `dataDirectory`: its postmaster
 * (the postgres process whose command line names the directory) and every process below it; the
 * backends and background workers rename themselves ("postgres: checkpointer") and no longer name it.
 */
export async function readMemory(appPid: number, dataDirectory: string): Promise<MemoryFigures> {
  const processes = await listProcesses();
  const directory = path.resolve(dataDirectory);
  const postmasters = processes.filter(
    (entry) =>
      entry.argv.some((arg) => /(^|\/)postgres$/.test(arg)) &&
      entry.argv.some((arg) => arg === directory || arg.startsWith(`${directory}/`)),
  );
  const postgres = new Set(postmasters.map((entry) => entry.pid));
  for (let grew = true; grew;) {
    grew = false;
    for (const entry of processes) {
      if (!postgres.has(entry.pid) && postgres.has(entry.ppid) && entry.pid !== appPid) {
        postgres.add(entry.pid);
        grew = true;
      }
    }
  }
  const app = await readStatus(appPid);
  let postgresRss = 0;
  let postgresPss = 0;
  for (const pid of postgres) {
    const status = await readStatus(pid);
    postgresRss += status.rss;
    postgresPss += status.pss;
  }
  return {
    rssBytes: app.rss + postgresRss,
    pssBytes: app.pss + postgresPss,
    appRssBytes: app.rss,
    postgresRssBytes: postgresRss,
    postgresProcesses: postgres.size,
  };
}

interface ProcessEntry {
  pid: number;
  ppid: number;
  argv: string[];
}

async function listProcesses(): Promise<ProcessEntry[]> {
  const entries: ProcessEntry[] = [];
  for (const name of await readdir('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const [cmdline, stat] = await Promise.all([
      readFile(`/proc/${name}/cmdline`, 'utf8').catch(() => ''),
      readFile(`/proc/${name}/stat`, 'utf8').catch(() => ''),
    ]);
    // Field 4 of stat, after the command name in parentheses (which may itself hold spaces).
    const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    if (stat) entries.push({ pid: Number(name), ppid, argv: cmdline.split('\0').filter(Boolean) });
  }
  return entries;
}

async function readStatus(pid: number): Promise<{ rss: number; pss: number }> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8').catch(() => '');
  const rollup = await readFile(`/proc/${pid}/smaps_rollup`, 'utf8').catch(() => '');
  const kilobytes = (text: string, field: string) =>
    Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(text)?.[1] ?? 0) * 1024;
  return { rss: kilobytes(status, 'VmRSS'), pss: kilobytes(rollup, 'Pss') };
}
