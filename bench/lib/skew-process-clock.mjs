// Preloaded into a bench process (`NODE_OPTIONS=--import <this file>`): shifts the process's clocks
// (performance.now and Date.now) by BENCH_CLOCK_SKEW_MS, as if it ran on a machine whose clock is off.
const skew = Number(process.env.BENCH_CLOCK_SKEW_MS ?? 0);
const realNow = performance.now.bind(performance);
const realDate = Date.now;
performance.now = () => realNow() + skew;
Date.now = () => realDate() + skew;
