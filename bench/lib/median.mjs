// The figure the benches report for repeated runs: the median, which one slow outlier (a GC pause,
// the other core busy) does not move.

/** The middle value of `values`, or the mean of the two middle ones. */
export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}
