/** A figure of the benchmark: a number, or a few numbers by kind (search latency per query kind). */
export type Figure = number | Record<string, number>;

/**
 * One part of the benchmark. Each section measures one subsystem and returns its figures; the
 * command prints them as a table and, with --json, merges every section's figures into one object.
 */
export interface BenchSection<Ctx> {
  name: string;
  run(ctx: Ctx): Promise<{ table: string[]; figures: Record<string, Figure> }>;
}

export const round = (x: number, places = 1) => Math.round(x * 10 ** places) / 10 ** places;

/** The 95th percentile of a set of timings (ms). */
export function p95(times: readonly number[]): number {
  const sorted = [...times].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.95))] ?? 0;
}

/** Runs `work` once per item and returns each run's time in ms. */
export function timeEach<T>(items: readonly T[], work: (item: T) => unknown): number[] {
  return items.map((item) => {
    const start = performance.now();
    work(item);
    return performance.now() - start;
  });
}
