import { api } from '../../../api/client.ts';

export interface Dashboard {
  region: { code: string; name: string; level: number; population: number | null; populationSource: string | null };
  /** Active divisions below the user's region, by level ("2": cities … "5": villages). */
  regionCounts: Record<string, number>;
  userCount: number | null;
  recentAudit: Array<{
    id: string;
    at: string;
    actorName: string | null;
    action: string;
    entityType: string;
    entityId: string | null;
    entityLabel: string | null;
  }> | null;
}

export const dashboardApi = {
  get: () => api.get<Dashboard>('/dashboard'),
};
