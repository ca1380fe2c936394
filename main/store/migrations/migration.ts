import type Database from 'better-sqlite3';

/** One schema step. `version` is what user_version says once it (and all before it) ran. */
export interface Migration {
  version: number;
  name: string;
  up(db: Database.Database): void;
}
