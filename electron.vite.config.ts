import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';

// One build for the three pieces. The renderer output (out/renderer) is also what browser mode serves.
export default defineConfig({
  main: {
    build: {
      externalizeDeps: true,
      // The library's worker thread is an entry of its own (out/main/worker.js), loaded beside main.js.
      rollupOptions: {
        input: {
          main: resolve(import.meta.dirname, 'main/electron/main.ts'),
          worker: resolve(import.meta.dirname, 'main/worker/entry.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      // A sandboxed preload cannot load ES modules or require anything but electron: one CommonJS file.
      externalizeDeps: false,
      rollupOptions: {
        input: { preload: resolve(import.meta.dirname, 'main/electron/preload.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs', inlineDynamicImports: true },
      },
    },
  },
  renderer: {
    root: resolve(import.meta.dirname, 'renderer'),
    plugins: [react()],
    build: {
      outDir: resolve(import.meta.dirname, 'out/renderer'),
      rollupOptions: { input: resolve(import.meta.dirname, 'renderer/index.html') },
    },
  },
});
