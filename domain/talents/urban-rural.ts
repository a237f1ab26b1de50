/**
 * Urban or rural, for the analytics and the detail page, from where a talent works.
 */
import { isUrban, levelOf, townshipKind, URBAN_RURAL_CLASSES, type UrbanRuralClass } from '../standards/region-code.ts';

const isUrbanRuralClass = (s: string): s is UrbanRuralClass => Object.hasOwn(URBAN_RURAL_CLASSES, s);

/**
 * - Village level: the NBS urban–rural class of the village (1xx urban, 2xx rural). Without a known
 *   class (e.g. a village an administrator added) null: the 居委会/村委会 segment is not a reliable proxy.
 * - Township level: 街道 urban, 镇 and 乡 rural, 类似乡级单位 (development zones, farms …) null.
 * - County or above: null, a county mixes both.
 * `urbanRuralClass` is the class stored on the region row; it is ignored above village level.
 */
export function urbanRuralOf(regionCode: string, urbanRuralClass: string | null): 'urban' | 'rural' | null {
  const level = levelOf(regionCode);
  if (level === 5) {
    if (urbanRuralClass === null || !isUrbanRuralClass(urbanRuralClass)) return null;
    return isUrban(urbanRuralClass) ? 'urban' : 'rural';
  }
  if (level === 4) {
    const kind = townshipKind(regionCode);
    if (kind === '街道') return 'urban';
    if (kind === '镇' || kind === '乡') return 'rural';
    return null;
  }
  return null;
}
