import path from 'node:path';
import { z } from 'zod';
import { projectRoot } from './paths.ts';

const booleanFlag = z
  .enum(['1', '0', 'true', 'false', 'yes', 'no', ''])
  .transform((value) => value === '1' || value === 'true' || value === 'yes');

const postgresUrl = z
  .string()
  .url('must be a URL such as postgres://user:password@host:5432/database')
  .refine((value) => /^postgres(ql)?:\/\//.test(value), 'must start with postgres:// or postgresql://');

/**
 * Every environment variable opendeur reads, with its default. README.md documents the same table;
 * keep them in step.
 */
const environmentSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce
    .number({ message: 'must be a whole number' })
    .int('must be a whole number')
    .min(0, 'must be between 0 and 65535')
    .max(65535, 'must be between 0 and 65535')
    .default(3000),
  HOST: z.string().min(1, 'must not be empty').default('127.0.0.1'),
  DATABASE_URL: postgresUrl.optional(),
  OPENDEUR_DATA_DIR: z.string().min(1, 'must not be empty').default('.opendeur'),
  PUBLIC_BASE_URL: z.string().url('must be an absolute URL such as https://opendeur.nl').optional(),
  OPENDEUR_DEMO: booleanFlag.default(false),
  OPENDEUR_HELP_LINES_FILE: z.string().min(1, 'must not be empty').optional(),
  OPENDEUR_MASTER_KEY_FILE: z.string().min(1, 'must not be empty').optional(),
  OPENDEUR_CODE_EXPIRY_DAYS: z.coerce
    .number({ message: 'must be a whole number of days' })
    .int('must be a whole number of days')
    .min(1, 'must be between 1 and 3650 days')
    .max(3650, 'must be between 1 and 3650 days')
    .default(90),
  QUICK_EXIT_URL: z.string().url('must be an absolute URL').default('https://www.buienradar.nl/'),
  TRUST_PROXY: z
    .string()
    .regex(
      /^[\w.:/]+(,\s*[\w.:/]+)*$/,
      'must be a comma-separated list of proxy addresses or ranges, such as 10.0.0.1,192.168.0.0/16 or loopback',
    )
    .optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  SMTP_URL: z
    .string()
    .url('must be a URL such as smtp://user:password@mail.example.nl:587')
    .refine((value) => /^smtps?:\/\//.test(value), 'must start with smtp:// or smtps://')
    .optional(),
  MAIL_FROM: z.string().min(3, 'must be an e-mail address').default('opendeur <noreply@opendeur.invalid>'),
  SMS_GATEWAY_URL: z.string().url('must be a URL such as https://sms.example.nl/send').optional(),
  SMS_GATEWAY_TOKEN: z.string().min(8, 'must be at least 8 characters').optional(),
});

/** Variables whose values may hold a secret and so never appear in an error message. */
const SECRET_VARIABLES = new Set(['DATABASE_URL', 'SMTP_URL', 'SMS_GATEWAY_TOKEN']);

/** The typed configuration of one opendeur process. */
export interface Config {
  env: 'development' | 'production' | 'test';
  port: number;
  host: string;
  /** Either an external PostgreSQL server, or the embedded one kept in the data directory. */
  database: { kind: 'external'; url: string } | { kind: 'embedded'; directory: string };
  dataDir: string;
  publicBaseUrl: string;
  demo: boolean;
  helpLinesFile: string;
  /** The versioned master key file (encryption at rest); created 0600 on first run. */
  masterKeyFile: string;
  /** A child's code stops working after this many days without a message on either side. */
  codeExpiryDays: number;
  quickExitUrl: string;
  /**
   * The reverse proxies whose X-Forwarded-For is believed (addresses, CIDR ranges, or `loopback`);
   * empty: the connection's own address is the source. Throttles on the child's side count per source.
   */
  trustedProxies: string[];
  logLevel: z.infer<typeof environmentSchema>['LOG_LEVEL'];
  /** Staff e-mail (invitations). Without an SMTP server, mail is written to the log outside production. */
  mail: { smtpUrl: string | undefined; from: string };
  /** The HTTP SMS gateway for on-call alerts; without a URL, alerts go by e-mail only. */
  sms: { url: string | undefined; token: string | undefined };
}

/** Raised when an environment variable has a wrong value; its message is one line fit for the console. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

/**
 * Reads the configuration from the environment. Throws a {@link ConfigError} that names the first wrong
 * variable and what is wrong with it.
 */
export function loadConfig(environment: NodeJS.ProcessEnv = process.env): Config {
  const parsed = environmentSchema.safeParse(withoutEmptyStrings(environment));
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const variable = String(issue.path[0] ?? 'environment');
    // A database URL may carry a password: name the variable, never echo its value.
    const received = SECRET_VARIABLES.has(variable) ? undefined : environment[variable];
    throw new ConfigError(
      `Invalid ${variable}${received === undefined ? '' : ` (${JSON.stringify(received)})`}: ${describeIssue(issue)}`,
    );
  }
  const values = parsed.data;
  if (values.NODE_ENV === 'production' && !values.SMTP_URL) {
    throw new ConfigError('Invalid SMTP_URL: required when NODE_ENV is production (invitations are sent by e-mail)');
  }
  const dataDir = path.resolve(projectRoot, values.OPENDEUR_DATA_DIR);
  const displayHost = values.HOST === '0.0.0.0' || values.HOST === '::' ? 'localhost' : values.HOST;
  return {
    env: values.NODE_ENV,
    port: values.PORT,
    host: values.HOST,
    database: values.DATABASE_URL
      ? { kind: 'external', url: values.DATABASE_URL }
      : { kind: 'embedded', directory: path.join(dataDir, 'postgres') },
    dataDir,
    publicBaseUrl: (values.PUBLIC_BASE_URL ?? `http://${displayHost}:${values.PORT}`).replace(/\/$/, ''),
    demo: values.OPENDEUR_DEMO,
    helpLinesFile: path.resolve(projectRoot, values.OPENDEUR_HELP_LINES_FILE ?? 'config/help-lines.json'),
    masterKeyFile: path.resolve(projectRoot, values.OPENDEUR_MASTER_KEY_FILE ?? path.join(dataDir, 'master.key')),
    codeExpiryDays: values.OPENDEUR_CODE_EXPIRY_DAYS,
    quickExitUrl: values.QUICK_EXIT_URL,
    trustedProxies: (values.TRUST_PROXY ?? '')
      .split(',')
      .map((entry) => entry.trim())
      .filter(Boolean),
    logLevel: values.LOG_LEVEL,
    mail: { smtpUrl: values.SMTP_URL, from: values.MAIL_FROM },
    sms: { url: values.SMS_GATEWAY_URL, token: values.SMS_GATEWAY_TOKEN },
  };
}

function describeIssue(issue: z.core.$ZodIssue): string {
  if (issue.code === 'invalid_value') {
    return `must be one of ${issue.values.map((value) => JSON.stringify(value)).join(', ')}`;
  }
  return issue.message;
}

/** An empty variable (`PORT=`) means "use the default", as most shells and .env files intend. */
function withoutEmptyStrings(environment: NodeJS.ProcessEnv): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [key, value] of Object.entries(environment)) {
    if (value !== undefined && value !== '') result[key] = value;
  }
  return result;
}
