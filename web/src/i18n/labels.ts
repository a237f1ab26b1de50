/**
 * Names of the shared code lists (from domain/, the same lists the server validates against) in
 * the current language. Chinese names come straight from domain/; English ones are kept here,
 * typed against the domain keys so a new code cannot go untranslated.
 */
import { useMemo } from 'react';
import { ROLE_DEFINITIONS, type Role } from '../../../domain/auth/roles.ts';
import { DESIGNATIONS, type Designation, POPULATION_SOURCES, type PopulationSource } from '../../../domain/regions/designations.ts';
import { LEVEL_NAMES, type RegionLevel, URBAN_RURAL_CLASSES, type UrbanRuralClass } from '../../../domain/standards/region-code.ts';
import { useI18n } from './index.ts';

const DESIGNATIONS_EN: Record<Designation, string> = {
  rural_revitalization_key_county: 'Key county for rural revitalization',
  old_revolutionary_base: 'Old revolutionary base area',
  ethnic_minority_area: 'Ethnic minority area',
  remote_mountain_area: 'Remote mountain area',
  relocation_site: 'Poverty-relief relocation site',
  three_areas: '"Three areas" (remote, border-ethnic, old revolutionary)',
};

/** Short Chinese tag text for the long "三区" name. */
const DESIGNATION_TAGS_ZH: Partial<Record<Designation, string>> = { three_areas: '"三区"' };
const DESIGNATION_TAGS_EN: Partial<Record<Designation, string>> = { three_areas: '"Three areas"' };

const URBAN_RURAL_EN: Record<UrbanRuralClass, string> = {
  '111': 'Main urban area',
  '112': 'Urban-rural fringe',
  '121': 'Town centre',
  '122': 'Town-rural fringe',
  '123': 'Special area',
  '210': 'Township centre',
  '220': 'Village',
};

const POPULATION_SOURCES_EN: Record<PopulationSource, string> = {
  census2020: '7th National Census (2020)',
  estimate: 'Estimate (demo data)',
  manual: 'Entered manually',
};

const LEVEL_NAMES_EN: Record<RegionLevel, string> = {
  0: 'Country',
  1: 'Province',
  2: 'Prefecture',
  3: 'County',
  4: 'Township',
  5: 'Village',
};

export const DESIGNATION_KEYS = Object.keys(DESIGNATIONS) as Designation[];
export const URBAN_RURAL_CODES = Object.keys(URBAN_RURAL_CLASSES) as UrbanRuralClass[];

export interface Labels {
  designation: (key: string) => string;
  designationTag: (key: string) => string;
  urbanRural: (code: string | null | undefined) => string;
  populationSource: (source: string | null | undefined) => string;
  level: (level: number) => string;
  role: (role: string, fallback?: string) => string;
}

export function useLabels(): Labels {
  const { lang } = useI18n();
  return useMemo(() => {
    const zh = lang === 'zh-CN';
    const designation = (key: string) => {
      const k = key as Designation;
      return (zh ? DESIGNATIONS[k] : DESIGNATIONS_EN[k]) ?? key;
    };
    return {
      designation,
      designationTag: (key) => (zh ? DESIGNATION_TAGS_ZH : DESIGNATION_TAGS_EN)[key as Designation] ?? designation(key),
      urbanRural: (code) => {
        if (!code) return '';
        const c = code as UrbanRuralClass;
        const name = zh ? URBAN_RURAL_CLASSES[c] : URBAN_RURAL_EN[c];
        return name ? `${code} ${name}` : code;
      },
      populationSource: (source) => {
        if (!source) return '';
        const s = source as PopulationSource;
        return (zh ? POPULATION_SOURCES[s] : POPULATION_SOURCES_EN[s]) ?? source;
      },
      level: (level) => (zh ? LEVEL_NAMES : LEVEL_NAMES_EN)[level as RegionLevel] ?? String(level),
      role: (role, fallback) => {
        const def = ROLE_DEFINITIONS[role as Role];
        if (!def) return fallback ?? role;
        return zh ? def.name : def.nameEn;
      },
    };
  }, [lang]);
}
