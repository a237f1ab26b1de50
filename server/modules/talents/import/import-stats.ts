import { type StatDeltas, summaryRegionsOf } from '../talent-stats.ts';

/**
 * StatAccumulator for the rows of an import, fed with the bucket ids the mapper thread computed
 * (statBuckets there, mapper-protocol.ts): per row a few integer increments on the main thread
 * instead of ~20 string keys and map updates. deltas() gives what StatAccumulator would.
 */
export class ImportStats {
  private readonly keys: string[] = [];
  /** Talent region → count per bucket id. */
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
    // Summed per summary region as numbers first: the string keys are made once per summary
    // region and bucket, not once per township (a synchronous 100 ms for a province otherwise).
    const bySummary = new Map<string, number[]>();
    for (const [region, counts] of this.byRegion) {
      for (const target of summaryRegionsOf(region)) {
        let sums = bySummary.get(target);
        if (!sums) {
          sums = [];
          bySummary.set(target, sums);
        }
        counts.forEach((n, id) => {
          sums[id] = (sums[id] ?? 0) + n;
        });
      }
    }
    const out: StatDeltas = new Map();
    for (const [target, sums] of bySummary) {
      sums.forEach((n, id) => {
        if (n) out.set(`${target}|${this.keys[id]}`, n);
      });
    }
    return out;
  }
}
