/**
 * The V8 flags the CLI runs with (set by bin/gouji.js before the CLI's code is loaded; the benches measure with
 * them). A review is a short run, and a batch keeps every core busy with its workers. Measured on 2 cores: with
 * TurboFan's inlining up to 40 % of the CPU went to background compilation (a 200-file batch on one thread:
 * 8.0 → 5.2 s CPU without it; one bench 1× check: 2.2 → 1.6 s), and background compile threads only competed
 * with the other worker (--jobs 2: 4.4 → 3.7 s wall). An interrupt budget 8× V8's default (67,584) lets only
 * really hot functions reach TurboFan: a 200-file batch on one thread makes 228 optimised compiles instead of
 * 507, and 192 real budgets took 2.1 s instead of 3.0 s on one core, 1.4 s instead of 2.0 s at --jobs 2 (means
 * of 4 alternating runs; one big workbook: the same wall time, less CPU). Only compiler flags: garbage-collector
 * flags must not be changed at run time (V8 aborts). Set after node has started, --no-concurrent-recompilation holds
 * for the workers' isolates only (--trace-opt: 324 synchronous compiles at --jobs 2; at --jobs 1 the main thread's
 * 183 still run on a helper thread).
 */
export const CLI_V8_FLAGS = [
  '--no-turbo-inlining',
  '--no-concurrent-recompilation',
  '--interrupt-budget=540672',
];
