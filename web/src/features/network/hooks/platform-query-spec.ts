import type { ListQuerySpec } from '../../../shared/list/list-query.ts';

/** What the 阵地 list keeps in the address (?kind=station&standard=false…). */
export const PLATFORM_QUERY_SPEC: ListQuerySpec = {
  text: ['regionCode', 'kind', 'status', 'agencyId', 'q'],
  flags: ['standard', 'demo'],
  sorts: ['region_code', 'name', 'opened_on', 'updated_at'],
};
