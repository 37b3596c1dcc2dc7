import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../../paths.ts';

/** The NL Design System component stylesheets the public site uses. */
const COMPONENT_STYLESHEETS = [
  '@utrecht/root-css/dist/index.css',
  '@utrecht/body-css/dist/index.css',
  '@nl-design-system-candidate/heading-css/dist/heading.css',
  '@nl-design-system-candidate/paragraph-css/dist/paragraph.css',
  '@nl-design-system-candidate/link-css/dist/link.css',
  '@nl-design-system-candidate/skip-link-css/dist/skip-link.css',
  '@utrecht/button-css/dist/index.css',
  '@utrecht/button-link-css/dist/index.css',
  '@utrecht/textbox-css/dist/index.css',
  '@utrecht/form-field-css/dist/index.css',
  '@utrecht/form-label-css/dist/index.css',
  '@utrecht/form-field-description-css/dist/index.css',
  '@utrecht/alert-css/dist/index.css',
];
const THEME = '@nl-design-system-unstable/voorbeeld-design-tokens/dist/theme.css';
const SITE_STYLESHEET = path.join(projectRoot, 'src', 'web', 'styles', 'site.css');

/** The public site's one stylesheet, with a content hash for its URL. */
export interface Stylesheet {
  css: string;
  url: string;
}

/**
 * Builds the stylesheet: components, then the voorbeeld theme reduced to the custom properties the
 * components and our own CSS actually use (the full theme is 200 kB; children pay for every byte).
 */
export function buildStylesheet(): Stylesheet {
  const components = COMPONENT_STYLESHEETS.map((file) => readFileSync(fromNodeModules(file), 'utf8'));
  const site = readFileSync(SITE_STYLESHEET, 'utf8');
  const theme = readThemeTokens(readFileSync(fromNodeModules(THEME), 'utf8'));
  const rules = minify([...components, site].join('\n'));
  const tokens = usedTokens(rules, theme);
  const css = `.voorbeeld-theme{${tokens.map(([name, value]) => `${name}:${value}`).join(';')}}${rules}`;
  const hash = createHash('sha256').update(css).digest('hex').slice(0, 12);
  return { css, url: `/styles/site-${hash}.css` };
}

/** Package CSS files by path: their export maps do not all expose dist/. */
function fromNodeModules(file: string): string {
  return path.join(projectRoot, 'node_modules', file);
}

function readThemeTokens(css: string): Map<string, string> {
  const tokens = new Map<string, string>();
  const withoutComments = css.replace(/\/\*[\s\S]*?\*\//g, '');
  for (const match of withoutComments.matchAll(/(--[\w-]+)\s*:\s*([^;]+);/g)) tokens.set(match[1]!, match[2]!.trim());
  return tokens;
}

/** The theme tokens referenced by `css`, following references inside token values. */
function usedTokens(css: string, theme: Map<string, string>): Array<[string, string]> {
  const needed = new Set<string>();
  const queue = [...css.matchAll(/var\(\s*(--[\w-]+)/g)].map((match) => match[1]!);
  while (queue.length > 0) {
    const name = queue.pop()!;
    const value = theme.get(name);
    if (needed.has(name) || value === undefined) continue;
    needed.add(name);
    for (const match of value.matchAll(/var\(\s*(--[\w-]+)/g)) queue.push(match[1]!);
  }
  return [...needed].sort().map((name) => [name, theme.get(name)!]);
}

function minify(css: string): string {
  return css
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\s+/g, ' ')
    .replace(/\s*([{};,>])\s*/g, '$1')
    .replace(/;}/g, '}')
    .trim();
}
