import fc from 'fast-check';

// Property tests explore new random inputs on every local run; CI replays one fixed seed (or
// FC_SEED) so a landing is never decided by the luck of the draw. A failure anywhere prints its
// seed and path, which reproduce it.
const seed = process.env.FC_SEED ?? (process.env.CI ? '20261122' : undefined);
if (seed !== undefined) fc.configureGlobal({ seed: Number(seed) });
