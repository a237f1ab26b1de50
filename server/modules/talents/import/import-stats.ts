import { type StatDeltas, summaryRegionsOf } from '../talent-stats.ts';

/**
 * StatAccumulator for the rows of an import, fed with the bucket ids the mapper thread computed
 * (statBuckets there, mapper-protocol.ts): per row a few integer increments on the main thread
 * instead of ~20 string keys and map updates. deltas() gives what StatAccumulator would.
 */
export class ImportStats {
  private readonly keys: string[] = [];
  private readonly byRegion = new Map<string, number[]>();

  /** Registers the bucket keys a batch introduced (ids continue from the earlier ones). */
  addKeys(keys: readonly string[]) {
    for (const k of keys) this.keys.push(k);
  }

  /** Counts one talent of `region` in the buckets ids[from…to). */
  add(region: string, ids: Int32Array, from: number, to: number) {
    let counts = this.byRegion.get(region);
    if (!counts) {
      counts = [];
      this.byRegion.set(region, counts);
    }
    for (let j = from; j < to; j++) counts[ids[j]] = (counts[ids[j]] ?? 0) + 1;
  }

  deltas(): StatDeltas {
    const out: StatDeltas = new Map();
    for (const [region, counts] of this.byRegion) {
      const targets = summaryRegionsOf(region);
      counts.forEach((n, id) => {
        if (!n) return;
        for (const t of targets) {
          const key = `${t}|${this.keys[id]}`;
          out.set(key, (out.get(key) ?? 0) + n);
        }
      });
    }
    return out;
  }
}
