/** The part of autocannon 8's API the benchmark uses (the package ships no types). */
declare module 'autocannon' {
  namespace autocannon {
    interface Options {
      url: string;
      connections?: number;
      duration?: number;
      headers?: Record<string, string>;
      /** Keeps the encoded histograms so several runs can be merged with `aggregateResult`. */
      skipAggregateResult?: boolean;
    }

    /** One run's counts, with the latency histogram still encoded (`skipAggregateResult`). */
    interface RawResult {
      totalCompletedRequests: number;
      totalRequests: number;
      totalBytes: number;
      errors: number;
      timeouts: number;
      non2xx: number;
      resets: number;
      /** Seconds. */
      duration: number;
      statusCodeStats: Record<string, { count: number }>;
    }

    interface Histogram {
      average: number;
      p50: number;
      p90: number;
      p99: number;
      max: number;
    }

    /** Runs merged: latency percentiles over every request of every run. */
    interface Result {
      errors: number;
      timeouts: number;
      non2xx: number;
      latency: Histogram & { totalCount: number };
    }

    function aggregateResult(results: RawResult[], options: Options): Result;
  }

  function autocannon(options: autocannon.Options): Promise<autocannon.RawResult>;
  export = autocannon;
}
