import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { trimUnusedTokens } from './build/trim-unused-tokens.ts';

/** The API server the dev server forwards /api to (the app's default port; never started by Vite). */
const API_TARGET = 'http://127.0.0.1:3000';

/**
 * The back-office SPA, served by the app under /beheer. The app's CSP there is `script-src 'self'` and
 * `style-src 'self'`, so the build must contain no inline script or style and no data: assets.
 */
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/beheer/',
  plugins: [react(), trimUnusedTokens()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: false,
    // Inlined assets become data: URLs, which the CSP would refuse for fonts and styles.
    assetsInlineLimit: 0,
    // Every browser we support has modulepreload; the polyfill would be extra script for nothing.
    modulePreload: { polyfill: false },
    target: 'es2022',
  },
  server: {
    proxy: { '/api': { target: API_TARGET } },
  },
  preview: {
    proxy: { '/api': { target: API_TARGET } },
  },
});
