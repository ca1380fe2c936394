/**
 * The engine's reusable buffers, in one place. Segmenting a page runs in a tight loop (a thousand
 * pages a second), so a few typed arrays are kept from page to page instead of allocated per page.
 * Rules for using them:
 *   - each buffer has one owner (named below) and is only valid until that owner's next call;
 *   - the engine is synchronous and runs on one thread per process (a worker has its own module
 *     instance), so no two pages ever share a buffer at once;
 *   - a buffer grows to the largest page seen and never shrinks (a few bytes a line).
 */

/** A buffer of at least `n` slots, grown by doubling so a run of growing pages allocates log(n) times. */
function grown<T extends Uint8Array | Int32Array>(buf: T, n: number, make: (size: number) => T): T {
  return buf.length >= n ? buf : make(Math.max(n, buf.length * 2));
}

let furniture = new Uint8Array(1024);
/** segment.ts `firstPass`: per line, 1 where the line is page furniture; zeroed for `n` lines. */
export function furnitureFlags(n: number): Uint8Array {
  furniture = grown(furniture, n, (s) => new Uint8Array(s));
  return furniture.fill(0, 0, n);
}

let leadEnds = new Int32Array(256);
/** order.ts `detectOrder`: per unit, the end of the lead measured from it (-1 before); set to -1 for `n` slots. */
export function leadEndSlots(n: number): Int32Array {
  leadEnds = grown(leadEnds, n, (s) => new Int32Array(s));
  return leadEnds.fill(-1, 0, n);
}

/** layout.ts `blockWidth`: the insertion sort's array for blocks of up to 64 lines (longer ones sort a fresh array). */
export const widthSort = new Float64Array(64);
