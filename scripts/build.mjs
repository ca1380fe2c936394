// Builds main, preload and renderer with electron-vite's API (its CLI file is not always installed
// executable, so `electron-vite build` from an npm script can fail with "Permission denied").
import { build } from 'electron-vite';

await build({ logLevel: process.env.CI ? 'warn' : 'info' });
