/** Timestamps are stored as ISO 8601 UTC text: sortable, readable in any SQLite tool. */
export function now(): string {
  return new Date().toISOString();
}
