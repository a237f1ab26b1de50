import type { RegionRow } from './regions.repository.ts';

export interface RegionDto {
  code: string;
  name: string;
  level: number;
  parentCode: string | null;
  urbanRuralClass: string | null;
  population: number | null;
  populationSource: string | null;
  designations: string[];
  validFrom: string;
  validTo: string | null;
  status: 'active' | 'revoked';
  replacedBy: string | null;
}

export function toRegionDto(r: RegionRow): RegionDto {
  return {
    code: r.code,
    name: r.name,
    level: Number(r.level),
    parentCode: r.parent_code,
    urbanRuralClass: r.urban_rural_class,
    population: r.population === null ? null : Number(r.population),
    populationSource: r.population_source,
    designations: JSON.parse(r.designations) as string[],
    validFrom: r.valid_from,
    validTo: r.valid_to,
    status: r.status as 'active' | 'revoked',
    replacedBy: r.replaced_by,
  };
}
