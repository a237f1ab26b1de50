import fs from 'node:fs';
import path from 'node:path';

/**
 * Approximate coordinates for any region code, for generated data only (the demo network and the
 * bench): real platforms carry the coordinates an administrator typed in. Province, city and county
 * points are the `centroid` (else `center`) of the features in the GeoJSON files of MAP_DIR (the
 * country file holds provinces, a province file its cities — or, for a municipality, its districts —
 * and a city file its counties). Townships are spread deterministically around their county's point
 * and villages around their township's, so the same code always gets the same place.
 */
export interface LngLat {
  lng: number;
  lat: number;
}

export class RegionCentroids {
  private readonly byAdcode = new Map<string, LngLat>();

  /**
   * Reads the boundary files of the given provinces (two-digit prefixes; all when omitted). A file
   * that is missing or malformed is skipped: codes it would have held fall back to their parent.
   */
  static load(mapDir: string, provinces?: readonly string[]): RegionCentroids {
    const out = new RegionCentroids();
    let files: string[];
    try {
      files = fs.readdirSync(mapDir).filter((f) => /^\d{6}\.json$/.test(f));
    } catch {
      files = [];
    }
    const wanted = provinces ? new Set(provinces) : null;
    for (const f of files) {
      // The country file gives every province's point, which is the last fallback.
      if (wanted && f !== '100000.json' && !wanted.has(f.slice(0, 2))) continue;
      out.addFile(path.join(mapDir, f));
    }
    return out;
  }

  private addFile(file: string): void {
    let json: { features?: Array<{ properties?: { adcode?: number | string; centroid?: number[]; center?: number[] } }> };
    try {
      json = JSON.parse(fs.readFileSync(file, 'utf8'));
    } catch {
      return;
    }
    for (const f of json.features ?? []) {
      const p = f.properties;
      const point = p?.centroid ?? p?.center;
      if (!p?.adcode || !Array.isArray(point) || point.length < 2) continue;
      this.byAdcode.set(String(p.adcode), { lng: Number(point[0]), lat: Number(point[1]) });
    }
  }

  /** How many divisions have a point from the files. */
  get size(): number {
    return this.byAdcode.size;
  }

  /** The point of a county (6-digit prefix), else its city, else its province; null when none is known. */
  private countyPoint(code: string): LngLat | null {
    return this.byAdcode.get(code.slice(0, 6)) ?? this.byAdcode.get(`${code.slice(0, 4)}00`) ?? this.byAdcode.get(`${code.slice(0, 2)}0000`) ?? null;
  }

  /**
   * A point for a 12-digit region code. Counties and above: the file's point. Townships: within
   * ~±0.12° of the county (tighter for city districts, 01–19, which are small). Villages: within
   * ~±0.03° of their township.
   */
  of(code: string): LngLat | null {
    const base = this.countyPoint(code);
    if (!base) return null;
    const township = code.slice(6, 9);
    if (township === '000') return base;
    const district = Number(code.slice(4, 6)) < 20;
    const spread = district ? 0.05 : 0.12;
    const t = jitter(code.slice(0, 9), base, spread);
    const village = code.slice(9, 12);
    if (village === '000') return t;
    return jitter(code, t, district ? 0.012 : 0.03);
  }
}

/** A deterministic offset of `base` within ±spread degrees, from a hash of `key` (FNV-1a). */
function jitter(key: string, base: LngLat, spread: number): LngLat {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    h ^= key.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  // FNV alone barely moves the low bits for keys that differ in their last digit (neighbouring
  // villages would sit metres apart): mix all bits (murmur3's finalizer) before taking the offsets.
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b) >>> 0;
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35) >>> 0;
  h ^= h >>> 16;
  const a = (h & 0xffff) / 0xffff;
  const b = (h >>> 16) / 0xffff;
  return { lng: round6(base.lng + (a * 2 - 1) * spread), lat: round6(base.lat + (b * 2 - 1) * spread) };
}

const round6 = (x: number) => Math.round(x * 1e6) / 1e6;
