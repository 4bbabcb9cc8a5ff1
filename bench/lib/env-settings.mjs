// Bench settings come from the environment (`KUMO_BENCH_…=3 npm run bench`), so a quick run and a
// thorough one use the same code.

/** The positive integer in `process.env[name]`, or `fallback` when it is unset or empty. */
export function positiveInteger(name, fallback) {
  const text = process.env[name];
  if (text === undefined || text === '') return fallback;
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1)
    throw new Error(`${name} must be a positive integer, got ${text}`);
  return value;
}
