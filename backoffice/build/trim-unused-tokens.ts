import type { Plugin } from 'vite';

/** A custom property declaration; the value may hold quoted strings with `;` in them (data: URLs). */
const DECLARATION = /(--[\w-]+)\s*:((?:"[^"]*"|'[^']*'|[^;{}"'])*)(;|(?=\}))/g;
const REFERENCE = /var\(\s*(--[\w-]+)/g;

/**
 * Removes the custom properties nothing uses. The voorbeeld theme defines thousands of tokens for
 * components we do not load (200 kB); we keep the ones referenced by a rule, directly or through
 * other tokens. The public site's stylesheet does the same for the same reason.
 */
export function removeUnusedCustomProperties(css: string): string {
  const definitions = new Map<string, string[]>();
  for (const [, name, value] of css.matchAll(DECLARATION)) {
    definitions.set(name!, [...(definitions.get(name!) ?? []), value!]);
  }
  const rulesOnly = css.replace(DECLARATION, '');
  const queue = [...rulesOnly.matchAll(REFERENCE)].map((match) => match[1]!);
  const used = new Set<string>();
  while (queue.length > 0) {
    const name = queue.pop()!;
    if (used.has(name)) continue;
    used.add(name);
    for (const value of definitions.get(name) ?? [])
      for (const match of value.matchAll(REFERENCE)) queue.push(match[1]!);
  }
  return css.replace(DECLARATION, (declaration, name: string) => (used.has(name) ? declaration : ''));
}

/** Vite build plugin: trims unused custom properties from every emitted stylesheet. */
export function trimUnusedTokens(): Plugin {
  return {
    name: 'opendeur:trim-unused-tokens',
    apply: 'build',
    generateBundle(_options, bundle) {
      for (const file of Object.values(bundle)) {
        if (file.type !== 'asset' || !file.fileName.endsWith('.css')) continue;
        const css = typeof file.source === 'string' ? file.source : new TextDecoder().decode(file.source);
        file.source = removeUnusedCustomProperties(css);
      }
    },
  };
}
