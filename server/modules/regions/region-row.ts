import { levelOf, parentCodeOf } from '../../../domain/standards/region-code.ts';
import type { RegionsTable } from '../../db/schema.ts';

export interface RegionRowInput {
  code: string;
  name: string;
  validFrom: string;
  at: string;
  urbanRuralClass?: string | null;
  population?: number | null;
  populationSource?: string | null;
  designations?: string[];
}

/** A new, active division's row; level and parent follow from the code. */
export function buildRegionRow(r: RegionRowInput): RegionsTable {
  return {
    code: r.code,
    name: r.name,
    level: levelOf(r.code),
    parent_code: parentCodeOf(r.code),
    urban_rural_class: r.urbanRuralClass ?? null,
    population: r.population ?? null,
    population_source: r.populationSource ?? null,
    designations: JSON.stringify(r.designations ?? []),
    valid_from: r.validFrom,
    valid_to: null,
    status: 'active',
    replaced_by: null,
    updated_at: r.at,
  };
}
