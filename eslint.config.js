// Lint, and above all the layer rule: imports only flow downward (renderer → app, main → app,
// app → nothing of ours), and only main/electron/ may import electron.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

const nodeBuiltins = ['node:*', 'fs', 'fs/*', 'path', 'os', 'child_process', 'crypto', 'http', 'https', 'net', 'url', 'worker_threads', 'stream', 'events', 'util', 'zlib', 'buffer'];
const layer = (message, patterns) => ({ group: patterns, message });
// Test helpers live in tests/support/; code that ships never reaches into tests/.
const noTestHelpers = layer('Production code never imports test helpers (tests/).', ['**/tests/**']);
const mainLayers = [
  layer('Only main/electron/ may import electron.', ['electron', 'electron/*']),
  layer('main/ must not import the UI.', ['**/renderer/**', 'react', 'react-dom', 'zustand']),
];

export default tseslint.config(
  { ignores: ['node_modules/**', 'out/**', 'dist/**', 'test-results/**', 'playwright-report/**', '.native/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['app/**/*.ts'],
    ignores: ['app/**/*.test.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [
        layer('app/ is pure domain code: no Node built-ins.', nodeBuiltins),
        layer('app/ must not import Electron, React, SQLite or the UI.', ['electron', 'react', 'react-dom', 'zustand', 'better-sqlite3', 'iconv-lite', '@codemirror/*']),
        layer('app/ must not import main/ or renderer/.', ['**/main/**', '**/renderer/**']),
        noTestHelpers,
      ] }],
    },
  },
  {
    files: ['main/**/*.ts'],
    ignores: ['main/electron/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [...mainLayers, noTestHelpers] }],
    },
  },
  {
    files: ['main/**/*.test.ts'],
    ignores: ['main/electron/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: mainLayers }],
    },
  },
  {
    files: ['main/electron/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [
        layer('The Electron shell must not import the UI.', ['**/renderer/**', 'react', 'react-dom']),
        noTestHelpers,
      ] }],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': ['error', { patterns: [
        layer('The renderer runs in a sandboxed page: no Node built-ins.', nodeBuiltins),
        layer('The renderer talks to main only through the contract client.', ['electron', 'better-sqlite3', '**/main/**']),
        noTestHelpers,
      ] }],
    },
  },
);
