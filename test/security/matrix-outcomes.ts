import type pg from 'pg';
import type { RoutePolicy } from '../../src/http/route-policy.ts';
import type { TestClock } from '../helpers/clock.ts';
import type { PersonaName, StaffWorld } from '../helpers/staff-world.ts';

/** Who calls: nobody, someone halfway through signing in, or one of the staff personas. */
export type Caller = 'anonymous' | 'halfSignedIn' | PersonaName;

/** The expected answer: a status, and for errors the error id. */
export interface Outcome {
  status: number;
  id?: string;
}

/** What a row's request needs to know to build itself. */
export interface RequestContext {
  world: StaffWorld;
  caller: Caller;
  owner: pg.Pool;
  clock: TestClock;
}

/** One route of the app: its policy, how to call it, and what each caller gets. */
export interface MatrixRow {
  method: string;
  url: string;
  policy: RoutePolicy;
  /** The path to call (default: `url`) and the JSON body, if any. */
  request?: (context: RequestContext) => { path?: string; body?: unknown } | Promise<{ path?: string; body?: unknown }>;
  /** Call with a session of its own (for routes that end the session they are called with). */
  freshSession?: boolean;
  /** A server-sent event stream: read the status and headers (or the error), then hang up. */
  stream?: boolean;
  expect: Record<Caller, Outcome>;
}

export const FULL_PERSONAS = [
  'national',
  'amsterdamCoordinator',
  'amsterdamResponder',
  'amsterdamFrontDesk',
  'amsterdamPrivacyOfficer',
  'rotterdamCoordinator',
  'rotterdamPrivacyOfficer',
] as const satisfies readonly PersonaName[];
export const CALLERS: readonly Caller[] = ['anonymous', 'halfSignedIn', ...FULL_PERSONAS];

export const REQUIRED: Outcome = { status: 401, id: 'auth.required' };
export const SECOND_FACTOR: Outcome = { status: 403, id: 'auth.second_factor_required' };
export const FORBIDDEN: Outcome = { status: 403, id: 'auth.forbidden' };
export const ok = (status = 200): Outcome => ({ status });
export const error = (status: number, id: string): Outcome => ({ status, id });

/** Everyone gets `outcome` (public routes and anonymous API calls). */
export function everyone(outcome: Outcome): Record<Caller, Outcome> {
  return Object.fromEntries(CALLERS.map((caller) => [caller, outcome])) as Record<Caller, Outcome>;
}

/** A signed-in session of any stage gets `full` (or `half` for a half session); nobody else. */
export function secondFactorPolicy(full: Outcome, half: Outcome = full): Record<Caller, Outcome> {
  return { ...everyone(full), anonymous: REQUIRED, halfSignedIn: half };
}

/** A full session with one of `roles` gets `allowed` (per persona overrides in `exceptions`); other staff 403. */
export function staffPolicy(
  allowed: Outcome,
  who: readonly PersonaName[] = FULL_PERSONAS,
  exceptions: Partial<Record<PersonaName, Outcome>> = {},
): Record<Caller, Outcome> {
  const result = { ...everyone(FORBIDDEN), anonymous: REQUIRED, halfSignedIn: SECOND_FACTOR };
  for (const persona of who) result[persona] = allowed;
  return { ...result, ...exceptions };
}
