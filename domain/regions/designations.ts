/** Designations (特殊类型地区) a region can carry; keys are stored, names shown. */
export const DESIGNATIONS = {
  rural_revitalization_key_county: '乡村振兴重点帮扶县',
  old_revolutionary_base: '革命老区',
  ethnic_minority_area: '民族地区',
  remote_mountain_area: '边远山区',
  relocation_site: '易地扶贫搬迁安置点',
  three_areas: '"三区"(边远贫困地区、边疆民族地区、革命老区)',
} as const;
export type Designation = keyof typeof DESIGNATIONS;
export const DESIGNATION_KEYS = Object.keys(DESIGNATIONS) as Designation[];

export const POPULATION_SOURCES = {
  census2020: '第七次全国人口普查',
  estimate: '估算(演示数据)',
  manual: '人工录入',
} as const;
export type PopulationSource = keyof typeof POPULATION_SOURCES;
