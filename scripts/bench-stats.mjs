// The figures every benchmark script prints (bench.mjs, bench-scale.mjs, bench-live-switch.mjs,
// bench-first-load.mjs): quantiles of a list of timings, and the one-line summary.

/** The value at quantile `q` (0..1) of `xs`: the element at floor(n·q) once sorted. */
export const quantile = (xs, q) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.floor(s.length * q))]; };
export const median = (xs) => quantile(xs, 0.5);

/** "median 12 ms (min 10, max 15, n=9)", with `digits` decimals; "-" for no timings. */
export const summary = (xs, digits = 0) => xs.length
  ? `median ${median(xs).toFixed(digits)} ms (min ${Math.min(...xs).toFixed(digits)}, max ${Math.max(...xs).toFixed(digits)}, n=${xs.length})`
  : "-";
