// For working on the UI alone; the app's build is electron.vite.config.ts (same root and output).
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  root: import.meta.dirname,
  base: './',
  plugins: [react()],
  build: { outDir: '../out/renderer', emptyOutDir: true },
});
