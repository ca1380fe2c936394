import { createHash } from 'node:crypto';
import type { PageAnnotation } from '../../app/model/page.js';

/** A hash of an annotation that ignores key order (the cache and the database build objects in different orders). */
export function stateHash(annotation: PageAnnotation): string {
  return createHash('sha256').update(canonical(annotation)).digest('hex').slice(0, 16);
}

function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}
