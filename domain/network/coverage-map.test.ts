import { describe, expect, it } from 'vitest';
import { isInMunicipality } from '../standards/region-code.ts';
import { coverageMapPlan, featureOf } from './coverage-map.ts';

describe('coverage map plan', () => {
  it('draws the country and a province with their children', () => {
    expect(coverageMapPlan('000000000000', 0)).toEqual({ adcode: '100000', layer: 'children' });
    expect(coverageMapPlan('520000000000', 1)).toEqual({ adcode: '520000', layer: 'children' });
    expect(coverageMapPlan('520100000000', 2)).toEqual({ adcode: '520100', layer: 'children' });
  });

  it('shows a county by its own figure on its city map, and nothing below', () => {
    expect(coverageMapPlan('520102000000', 3)).toEqual({ adcode: '520100', layer: 'self' });
    expect(coverageMapPlan('520102001000', 4)).toEqual({ adcode: null, layer: 'self' });
  });

  it('draws a municipality with its districts, which sit under the 市辖区/县 containers', () => {
    expect(coverageMapPlan('110000000000', 1)).toEqual({ adcode: '110000', layer: 'grandchildren' });
    expect(coverageMapPlan('500000000000', 1)).toEqual({ adcode: '500000', layer: 'grandchildren' });
    // The container has no boundary file: its districts are on the municipality's.
    expect(coverageMapPlan('110100000000', 2)).toEqual({ adcode: '110000', layer: 'children' });
    expect(coverageMapPlan('500200000000', 2)).toEqual({ adcode: '500000', layer: 'children' });
    expect(coverageMapPlan('310104000000', 3)).toEqual({ adcode: '310000', layer: 'self' });
  });

  it('names features by six-digit adcodes', () => {
    expect(featureOf('110101000000')).toBe('110101');
    expect(featureOf('000000000000')).toBe('100000');
  });

  it('knows the four municipalities', () => {
    expect(['11', '12', '31', '50'].every((p) => isInMunicipality(`${p}0000000000`))).toBe(true);
    expect(['13', '44', '51', '52', '81'].some((p) => isInMunicipality(`${p}0000000000`))).toBe(false);
  });
});
