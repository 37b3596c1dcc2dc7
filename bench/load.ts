import autocannon from 'autocannon';
import { LOAD } from './settings.ts';

/** Requests/s and latency of one URL, merged over every round it ran. */
export interface LoadFigures {
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  requests: number;
  seconds: number;
  /** Connection errors and timeouts. */
  errors: number;
  /** Responses that were not 2xx; each one makes the figures meaningless. */
  non2xx: number;
  statusCodes: Record<string, number>;
}

/** One autocannon run against `url` at the bench's connection count, loopback only. */
export async function runLoad(url: string, seconds: number, headers: Record<string, string>) {
  if (!['127.0.0.1', 'localhost', '[::1]'].includes(new URL(url).hostname)) {
    throw new Error(`The bench only loads loopback addresses, not ${url}`);
  }
  return autocannon({ url, connections: LOAD.connections, duration: seconds, headers, skipAggregateResult: true });
}

/** Merges the rounds of one URL: totals for the rate, one latency histogram for the percentiles. */
export function mergeRounds(url: string, rounds: autocannon.RawResult[]): LoadFigures {
  const merged = autocannon.aggregateResult(rounds, { url, connections: LOAD.connections });
  const requests = sum(rounds.map((round) => round.totalCompletedRequests));
  const seconds = sum(rounds.map((round) => round.duration));
  const statusCodes: Record<string, number> = {};
  for (const round of rounds) {
    for (const [code, { count }] of Object.entries(round.statusCodeStats)) {
      statusCodes[code] = (statusCodes[code] ?? 0) + count;
    }
  }
  return {
    requestsPerSecond: requests / seconds,
    p50Ms: merged.latency.p50,
    p99Ms: merged.latency.p99,
    requests,
    seconds,
    errors: merged.errors + merged.timeouts,
    non2xx: merged.non2xx,
    statusCodes,
  };
}

function sum(values: number[]): number {
  return values.reduce((total, value) => total + value, 0);
}
