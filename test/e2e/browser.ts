/**
 * Shared parts of the browser tests: Chromium, axe-core, the pages to visit, and a local "neutral
 * site" for the quick exit so no test needs the internet. Not a test file itself.
 */
import { execFile } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { describe, it } from 'node:test';
import { promisify } from 'node:util';
import axe from 'axe-core';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';
import { loadConfig } from '../../src/config.ts';
import { BACK_OFFICE_DIST } from '../../src/http/back-office.ts';
import { projectRoot } from '../../src/paths.ts';
import { loadHelpLines, type HelpLines } from '../../src/web/help-lines.ts';
import { loadTranslators, type Translator } from '../../src/web/i18n/catalogue.ts';
import { startTestApp, type TestApp } from '../helpers/app.ts';
import { databaseTargets } from '../helpers/databases.ts';

/** Debian's Chromium; OPENDEUR_CHROMIUM_PATH points elsewhere (also to prove the skip works). */
export const CHROMIUM_PATH = process.env.OPENDEUR_CHROMIUM_PATH ?? '/usr/bin/chromium';

/** The skip reason when this machine cannot run the browser tests, else false. */
export const chromiumMissing: string | false = existsSync(CHROMIUM_PATH)
  ? false
  : `Chromium not found at ${CHROMIUM_PATH}: browser tests cannot run here`;

/**
 * A describe() for browser tests. Without Chromium it becomes one skipped test carrying the reason,
 * so the run's summary counts it as skipped (a skipped suite would count as nothing at all).
 */
export function browserSuite(name: string, body: () => void): void {
  if (chromiumMissing) it(name, { skip: chromiumMissing }, () => {});
  else describe(name, body);
}

/** One browser per test file; contexts (cheap) per viewport or setting. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export interface Viewport {
  name: string;
  width: number;
  height: number;
}

/** A cheap phone and a laptop. */
export const PHONE: Viewport = { name: 'phone 360×640', width: 360, height: 640 };
export const DESKTOP: Viewport = { name: 'desktop 1280×800', width: 1280, height: 800 };
/** A tablet upright (the back office must work on one). */
export const TABLET: Viewport = { name: 'tablet 768×1024', width: 768, height: 1024 };

/** A context as a child's phone has it: JavaScript off (the site must not need it). */
export function newChildContext(browser: Browser, viewport: Viewport = PHONE): Promise<BrowserContext> {
  return browser.newContext({ viewport: { width: viewport.width, height: viewport.height }, javaScriptEnabled: false });
}

/** A public page to visit, by its path without language prefix. */
export interface PublicPage {
  name: string;
  path: string;
  status: number;
  /** Screenshot it (test-results/e2e/) so a person can look at it. */
  screenshot?: boolean;
}

/** Every kind of public page; the demo makes Rotterdam, Amsterdam and Maashorst active. */
export const PUBLIC_PAGES: PublicPage[] = [
  { name: 'home', path: '/', status: 200, screenshot: true },
  { name: 'search results (many)', path: '/zoek?q=bergen', status: 200, screenshot: true },
  { name: 'search results (none)', path: '/zoek?q=xyzzy', status: 200 },
  { name: 'search results (empty query)', path: '/zoek?q=', status: 200 },
  { name: 'municipality (active)', path: '/gemeente/rotterdam', status: 200, screenshot: true },
  { name: 'municipality (not participating)', path: '/gemeente/utrecht', status: 200 },
  { name: 'write page', path: '/gemeente/amsterdam/schrijf', status: 200 },
  { name: '404', path: '/bestaat-niet', status: 404 },
];

/** Every language in the catalogue (at least nl and en); Dutch has no URL prefix. */
export const LANGUAGES: Translator[] = [...loadTranslators().values()];

/** `t` for one language. */
export function translator(locale: string): Translator {
  const found = LANGUAGES.find((language) => language.locale === locale);
  if (!found) throw new Error(`No catalogue for ${locale}`);
  return found;
}

/** The help numbers as configured (config/help-lines.json). */
export const HELP_LINES: HelpLines = loadHelpLines(loadConfig({ NODE_ENV: 'test' }).helpLinesFile);

/** Where screenshots go (gitignored). */
export const SCREENSHOT_DIRECTORY = path.join('test-results', 'e2e');

/** A stand-in for the quick exit's neutral site, recording what reached it. */
export interface NeutralSite {
  url: string;
  visits: Array<{ path: string; referer: string | undefined }>;
  stop(): Promise<void>;
}

/** Title of the neutral page, to recognise it in the browser. */
export const NEUTRAL_TITLE = 'Het weer vandaag';

/** Serves a plain page on a free loopback port. */
export async function startNeutralSite(): Promise<NeutralSite> {
  const visits: NeutralSite['visits'] = [];
  const server = createServer((request, response) => {
    visits.push({ path: request.url ?? '', referer: request.headers.referer });
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    response.end(
      `<!doctype html><html lang="nl"><title>${NEUTRAL_TITLE}</title><h1>${NEUTRAL_TITLE}</h1><p>Zonnig, 18 graden.</p>`,
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/weer`,
    visits,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** The demo app on the first test database, its quick exit pointing at `neutral`. */
export function startDemoApp(neutral: NeutralSite): Promise<TestApp> {
  return startTestApp(databaseTargets()[0]!, { demo: true, environment: { QUICK_EXIT_URL: neutral.url } });
}

/** WCAG 2.0, 2.1 and 2.2 A and AA: what the law (EN 301 549) asks and what we aim for. */
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: Array<{ target: unknown[]; failureSummary?: string }>;
}

/**
 * A context that can run axe-core: JavaScript on, axe injected into every page by DevTools. The
 * pages' own CSP (script-src 'none') stays on: injected scripts are not subject to it, the pages' are.
 * `options` adds context settings (e.g. the browser's language).
 */
export async function newAxeContext(
  browser: Browser,
  viewport: Viewport,
  options: BrowserContextOptions = {},
): Promise<BrowserContext> {
  const context = await browser.newContext({
    ...options,
    viewport: { width: viewport.width, height: viewport.height },
  });
  await context.addInitScript({ content: axe.source });
  return context;
}

/** Runs axe-core on the open page and returns its violations, one readable line each. */
export async function axeViolations(page: Page): Promise<string[]> {
  if ((await page.evaluate('typeof axe')) === 'undefined') await page.evaluate(axe.source);
  const result = await page.evaluate<{ violations: AxeViolation[]; passes: unknown[] }>(
    `axe.run(document, { runOnly: { type: 'tag', values: ${JSON.stringify(AXE_TAGS)} }, resultTypes: ['violations'] })`,
  );
  return result.violations.map(
    (violation) =>
      `${violation.id} (${violation.impact}): ${violation.help} — ${violation.nodes
        .map(
          (node) =>
            `${node.target.join(' ')}${node.failureSummary ? ` [${node.failureSummary.replace(/\s+/g, ' ')}]` : ''}`,
        )
        .join('; ')}`,
  );
}

/** The visible elements matching a CSS selector, with their size in CSS pixels (one round trip). */
export async function boxes(
  page: Page,
  selector: string,
): Promise<Array<{ text: string; width: number; height: number }>> {
  return page.evaluate<
    Array<{ text: string; width: number; height: number }>
  >(`[...document.querySelectorAll(${JSON.stringify(selector)})]
    .map((element) => ({ text: element.innerText.trim(), rect: element.getBoundingClientRect() }))
    .filter(({ rect }) => rect.width > 0 && rect.height > 0)
    .map(({ text, rect }) => ({ text, width: rect.width, height: rect.height }))`);
}

/** How far the page is wider than the screen (0 when there is no sideways scrolling). */
export async function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate<number>('document.documentElement.scrollWidth - document.documentElement.clientWidth');
}

/**
 * The app serves the SPA from backoffice/dist: build it when missing. A build older than the sources
 * is used as it is (rebuilding under a running test suite could pull files from under another app),
 * but the run says so.
 */
export async function ensureBackOfficeBuilt(): Promise<void> {
  const index = path.join(BACK_OFFICE_DIST, 'index.html');
  if (!existsSync(index)) {
    // NODE_ENV is "test" here, which would make Vite bundle React's development build.
    await promisify(execFile)('npm', ['run', 'build:backoffice'], {
      cwd: projectRoot,
      timeout: 120_000,
      env: { ...process.env, NODE_ENV: 'production' },
    });
    return;
  }
  const built = statSync(index).mtimeMs;
  const sources = path.join(projectRoot, 'backoffice', 'src');
  const newer = readdirSync(sources, { recursive: true, withFileTypes: true }).find(
    (entry) => entry.isFile() && statSync(path.join(entry.parentPath, entry.name)).mtimeMs > built,
  );
  if (newer)
    console.log(
      `# backoffice/dist is older than ${path.relative(projectRoot, path.join(newer.parentPath, newer.name))}: run \`npm run build:backoffice\``,
    );
}
