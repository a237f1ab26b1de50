/** Runs `fn` a few times to warm up, then `iterations` times; returns percentiles in ms. */
export async function measure(fn: () => Promise<unknown> | unknown, iterations = 30, warmup = 3) {
  for (let i = 0; i < warmup; i++) await fn();
  const times: number[] = [];
  for (let i = 0; i < iterations; i++) {
    const t0 = performance.now();
    await fn();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  const at = (p: number) => times[Math.min(times.length - 1, Math.ceil((p / 100) * times.length) - 1)];
  return { p50: round(at(50)), p95: round(at(95)), max: round(times[times.length - 1]), n: iterations };
}

const round = (x: number) => Math.round(x * 100) / 100;

export async function timed<T>(fn: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const t0 = performance.now();
  const value = await fn();
  return { value, ms: Math.round(performance.now() - t0) };
}
