import type { ListQuerySpec } from '../../../shared/list/list-query.ts';

/** What the 人才 list keeps in the address (?tier=&key=true&minAge=…). */
export const TALENT_QUERY_SPEC: ListQuerySpec = {
  text: ['regionCode', 'tier', 'category', 'field', 'role', 'status', 'q'],
  flags: ['key', 'due', 'short'],
  ints: { minAge: [0, 120], maxAge: [0, 120] },
  sorts: ['region_code', 'name', 'birth_date', 'tier', 'updated_at'],
};
