/** What the benchmarks share: a median, and the CPU time (user + system) a call takes. */

/** The middle value (the upper one of an even count). */
export const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** CPU ms of one call of `fn` (steadier than wall time on a shared machine), and its result. */
export function cpuMs<T>(fn: () => T): { ms: number; result: T } {
  const c0 = process.cpuUsage();
  const result = fn();
  const c = process.cpuUsage(c0);
  return { ms: (c.user + c.system) / 1000, result };
}
