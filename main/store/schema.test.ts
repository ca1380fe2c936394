import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { builtSchema, SCHEMA_SNAPSHOT } from '../../tests/support/schema.js';

describe('main/store/schema.sql', () => {
  it('is the schema the migrations build (after a new migration: npm run schema)', () => {
    expect(builtSchema()).toBe(readFileSync(SCHEMA_SNAPSHOT, 'utf8'));
  });
});
