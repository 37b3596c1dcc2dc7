import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import path from 'node:path';
import { describe, it } from 'node:test';
import { ConfigError, loadConfig } from './config.ts';
import { projectRoot } from './paths.ts';

/** Calls loadConfig and returns the ConfigError it must throw. */
function configErrorFor(environment: Record<string, string>): ConfigError {
  try {
    loadConfig(environment);
  } catch (error) {
    assert.ok(error instanceof ConfigError, `expected a ConfigError, got ${String(error)}`);
    return error;
  }
  assert.fail(`loadConfig(${JSON.stringify(environment)}) did not throw`);
}

describe('loadConfig defaults', () => {
  it('starts on 127.0.0.1:3000 with the embedded PostgreSQL in ./.opendeur', () => {
    const config = loadConfig({});
    assert.equal(config.env, 'development');
    assert.equal(config.port, 3000);
    assert.equal(config.host, '127.0.0.1');
    assert.equal(config.dataDir, path.join(projectRoot, '.opendeur'));
    assert.deepEqual(config.database, { kind: 'embedded', directory: path.join(projectRoot, '.opendeur', 'postgres') });
    assert.equal(config.publicBaseUrl, 'http://127.0.0.1:3000');
    assert.equal(config.demo, false);
    assert.equal(config.helpLinesFile, path.join(projectRoot, 'config', 'help-lines.json'));
    assert.equal(config.masterKeyFile, path.join(projectRoot, '.opendeur', 'master.key'));
    assert.equal(config.quickExitUrl, 'https://www.buienradar.nl/');
    assert.equal(config.logLevel, 'info');
  });

  it('treats an empty variable as unset', () => {
    const config = loadConfig({ PORT: '', DATABASE_URL: '', OPENDEUR_DEMO: '', NODE_ENV: '' });
    assert.equal(config.port, 3000);
    assert.equal(config.database.kind, 'embedded');
    assert.equal(config.demo, false);
    assert.equal(config.env, 'development');
  });

  it('refuses production without an SMTP server, naming SMTP_URL', () => {
    assert.throws(
      () => loadConfig({ NODE_ENV: 'production', DATABASE_URL: 'postgres://app@db.internal/opendeur' }),
      (error: Error) =>
        error instanceof ConfigError && /^Invalid SMTP_URL: required when NODE_ENV is production/.test(error.message),
    );
  });

  it('uses the values it is given', () => {
    const config = loadConfig({
      NODE_ENV: 'production',
      PORT: '8080',
      HOST: '0.0.0.0',
      DATABASE_URL: 'postgresql://app:secret@db.internal:5432/opendeur',
      OPENDEUR_DATA_DIR: '/var/lib/opendeur',
      PUBLIC_BASE_URL: 'https://opendeur.nl/',
      OPENDEUR_DEMO: '1',
      LOG_LEVEL: 'warn',
      SMTP_URL: 'smtp://mail.internal:587',
      MAIL_FROM: 'opendeur <noreply@opendeur.nl>',
    });
    assert.equal(config.env, 'production');
    assert.deepEqual(config.mail, { smtpUrl: 'smtp://mail.internal:587', from: 'opendeur <noreply@opendeur.nl>' });
    assert.equal(config.port, 8080);
    assert.equal(config.host, '0.0.0.0');
    assert.deepEqual(config.database, { kind: 'external', url: 'postgresql://app:secret@db.internal:5432/opendeur' });
    assert.equal(config.dataDir, '/var/lib/opendeur');
    assert.equal(config.publicBaseUrl, 'https://opendeur.nl', 'a trailing slash is dropped');
    assert.equal(config.demo, true);
    assert.equal(config.logLevel, 'warn');
  });

  it('trusts no proxy by default, and the listed proxies when TRUST_PROXY names them', () => {
    assert.deepEqual(loadConfig({}).trustedProxies, []);
    assert.deepEqual(loadConfig({ TRUST_PROXY: '10.0.0.1, 192.168.0.0/16,loopback' }).trustedProxies, [
      '10.0.0.1',
      '192.168.0.0/16',
      'loopback',
    ]);
    assert.equal(loadConfig({}).codeExpiryDays, 90);
    assert.equal(loadConfig({ OPENDEUR_CODE_EXPIRY_DAYS: '30' }).codeExpiryDays, 30);
  });

  it('shows a wildcard host as localhost in the public URL', () => {
    assert.equal(loadConfig({ HOST: '0.0.0.0', PORT: '8080' }).publicBaseUrl, 'http://localhost:8080');
  });

  it('reads every spelling of the demo flag', () => {
    for (const value of ['1', 'true', 'yes']) assert.equal(loadConfig({ OPENDEUR_DEMO: value }).demo, true, value);
    for (const value of ['0', 'false', 'no']) assert.equal(loadConfig({ OPENDEUR_DEMO: value }).demo, false, value);
  });
});

describe('loadConfig with a wrong value', () => {
  const cases: Array<[variable: string, value: string, reason: RegExp]> = [
    ['PORT', 'abc', /whole number/],
    ['PORT', '70000', /between 0 and 65535/],
    ['PORT', '-1', /between 0 and 65535/],
    ['PORT', '30.5', /whole number/],
    ['DATABASE_URL', 'mysql://x', /postgres:\/\//],
    ['DATABASE_URL', 'not a url', /must be a URL/],
    ['NODE_ENV', 'staging', /one of "development", "production", "test"/],
    ['OPENDEUR_DEMO', 'maybe', /one of "0", "1"/],
    ['PUBLIC_BASE_URL', 'opendeur.nl', /absolute URL/],
    ['QUICK_EXIT_URL', 'weg', /absolute URL/],
    ['LOG_LEVEL', 'loud', /one of/],
    ['TRUST_PROXY', '10.0.0.1; rm -rf', /comma-separated list of proxy addresses/],
    ['OPENDEUR_CODE_EXPIRY_DAYS', '0', /between 1 and 3650 days/],
    ['OPENDEUR_CODE_EXPIRY_DAYS', 'soon', /whole number of days/],
  ];
  for (const [variable, value, reason] of cases) {
    it(`${variable}=${value} throws one line naming ${variable} and what is wrong`, () => {
      const error = configErrorFor({ [variable]: value });
      assert.ok(!error.message.includes('\n'), `one line, got ${JSON.stringify(error.message)}`);
      assert.match(error.message, new RegExp(`^Invalid ${variable}\\b`));
      assert.match(error.message, reason);
    });
  }

  it('names the first wrong variable when several are wrong', () => {
    assert.match(configErrorFor({ NODE_ENV: 'staging', PORT: 'abc' }).message, /^Invalid (NODE_ENV|PORT)\b/);
  });

  it('stays one line when the value holds a line break', () => {
    const error = configErrorFor({ PORT: '80\n80' });
    assert.ok(!error.message.includes('\n'), JSON.stringify(error.message));
  });

  it('never repeats a database URL, which may hold a password', () => {
    const error = configErrorFor({ DATABASE_URL: 'mysql://root:hunter2@db.internal/opendeur' });
    assert.match(error.message, /^Invalid DATABASE_URL/);
    assert.ok(!error.message.includes('hunter2'), error.message);
  });
});

describe('npm start with a wrong value', () => {
  it('stops with exit code 78 and one line on stderr', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      cwd: projectRoot,
      // Should the check ever fail, the database URL points nowhere, so nothing starts or listens.
      env: { ...process.env, PORT: 'abc', DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none', LOG_LEVEL: 'silent' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
    const code = await new Promise<number | null>((resolve) => child.on('exit', (exitCode) => resolve(exitCode)));
    clearTimeout(timer);
    assert.equal(code, 78, `stderr: ${stderr}`);
    assert.equal(stdout, '');
    assert.equal(stderr, 'Invalid PORT ("abc"): must be a whole number\n');
  });
});
