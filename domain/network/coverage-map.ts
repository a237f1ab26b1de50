/**
 * Which boundary file draws a region's coverage map, and which regions colour it. Boundary files
 * (one per country, province and city, named by the six-digit adcode) hold the region's children —
 * except in the municipalities, whose province file already shows the districts: their city level
 * (110100 市辖区, 500200 县) is a statistical container with no boundary of its own.
 */
import { COUNTRY_CODE, isInMunicipality } from '../standards/region-code.ts';

/**
 * What the map colours: the region's children; its grandchildren (a municipality: the districts
 * under its containers); or the region itself on its parent's map (a county has no file of its
 * townships).
 */
export type MapLayer = 'children' | 'grandchildren' | 'self';

export interface CoverageMapPlan {
  /** The boundary file, or null when no map can show the region. */
  adcode: string | null;
  layer: MapLayer;
}

const adcodeOf = (code: string) => (code === COUNTRY_CODE ? '100000' : code.slice(0, 6));
const provinceAdcode = (code: string) => `${code.slice(0, 2)}0000`;
const cityAdcode = (code: string) => `${code.slice(0, 4)}00`;

export function coverageMapPlan(code: string, level: number): CoverageMapPlan {
  const municipal = isInMunicipality(code);
  switch (level) {
    case 0:
      return { adcode: '100000', layer: 'children' };
    case 1:
      return { adcode: adcodeOf(code), layer: municipal ? 'grandchildren' : 'children' };
    case 2:
      return { adcode: municipal ? provinceAdcode(code) : adcodeOf(code), layer: 'children' };
    case 3:
      return { adcode: municipal ? provinceAdcode(code) : cityAdcode(code), layer: 'self' };
    default:
      return { adcode: null, layer: 'self' };
  }
}

/** The feature a region colours: its six-digit adcode, as the boundary files name their features. */
export const featureOf = adcodeOf;
