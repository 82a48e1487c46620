import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import type { Plugin } from 'vite';

/**
 * The participants' page is served at /w/ over HTTP only (never from file://), and its assets at
 * /assets/: its references must be absolute, while the app's own page keeps relative ones for
 * the desktop window.
 */
function participantAssetsAbsolute(): Plugin {
  return {
    name: 'kohtaanto-participant-assets',
    transformIndexHtml: {
      order: 'post',
      handler(html, ctx) {
        if (!ctx.filename.endsWith('participant.html')) return html;
        return html.replace(/(src|href)="\.\/assets\//g, '$1="/assets/');
      },
    },
  };
}

export default defineConfig({
  main: {
    build: {
      // The recommender's worker thread is an entry of its own: the backend starts it from the file beside the bundle.
      rollupOptions: {
        input: { index: resolve(__dirname, 'electron/main/index.ts'), 'recommender-worker': resolve(__dirname, 'electron/backend/recommender/worker.ts') },
      },
    },
  },
  preload: {
    // Sandboxed preloads cannot require(): bundle everything into one CommonJS file.
    build: {
      externalizeDeps: false,
      rollupOptions: { input: { index: resolve(__dirname, 'electron/preload/index.ts') }, output: { format: 'cjs' } },
    },
  },
  renderer: {
    root: resolve(__dirname, 'renderer'),
    plugins: [react(), participantAssetsAbsolute()],
    build: {
      // The participants' page of a workshop session is its own small entry, so a phone loads only it.
      rollupOptions: { input: { index: resolve(__dirname, 'renderer/index.html'), participant: resolve(__dirname, 'renderer/participant.html') } },
      chunkSizeWarningLimit: 2000,
    },
    worker: { format: 'es' },
  },
});
