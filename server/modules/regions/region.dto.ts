import type { Region } from '../../../domain/regions/region.schema.ts';
import type { RegionRow } from './regions.repository.ts';

/** The API shape of a division (defined once, in domain/, for the server and the web). */
export type RegionDto = Region;

export function toRegionDto(r: RegionRow): RegionDto {
  return {
    code: r.code,
    name: r.name,
    level: Number(r.level),
    parentCode: r.parent_code,
    urbanRuralClass: r.urban_rural_class,
    population: r.population === null ? null : Number(r.population),
    populationSource: r.population_source as Region['populationSource'],
    designations: JSON.parse(r.designations) as string[],
    validFrom: r.valid_from,
    validTo: r.valid_to,
    status: r.status as 'active' | 'revoked',
    replacedBy: r.replaced_by,
  };
}
