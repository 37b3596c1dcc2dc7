/** A clock the test moves by hand, for startServer's `clock` option (timeouts, expiry, TOTP). */
export interface TestClock {
  (): Date;
  /** Moves the time forward by `ms` (or by minutes/hours with the helpers). */
  advance(ms: number): Date;
  minutes(count: number): Date;
  hours(count: number): Date;
  set(date: Date): void;
}

/** A clock that starts at `start` (default: now, whole seconds) and moves only when told. */
export function testClock(start = new Date(Math.floor(Date.now() / 1000) * 1000)): TestClock {
  let now = start.getTime();
  const clock = (() => new Date(now)) as TestClock;
  clock.advance = (ms) => {
    now += ms;
    return new Date(now);
  };
  clock.minutes = (count) => clock.advance(count * 60_000);
  clock.hours = (count) => clock.advance(count * 60 * 60_000);
  clock.set = (date) => {
    now = date.getTime();
  };
  return clock;
}
