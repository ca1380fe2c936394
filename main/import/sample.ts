import { join } from 'node:path';
import type { ImportReport } from '../../app/contract.js';
import { importSampleIfEmpty } from './import.js';
import type Database from 'better-sqlite3';

/** The embedded default: a real page (凯里日报, 时政凯里) so a first start opens on something to edit. */
export const SAMPLE_FILE = '000_274485b1067f232e.txt';
const SAMPLE_ISSUE = { publication: '凯里日报', date: '2021-01-06' } as const;

/** Imports the bundled sample page when the library is empty. `sampleDir` holds SAMPLE_FILE. */
export function importBundledSampleIfEmpty(db: Database.Database, sampleDir: string): Promise<ImportReport | null> {
  return importSampleIfEmpty(db, join(sampleDir, SAMPLE_FILE), SAMPLE_ISSUE);
}
