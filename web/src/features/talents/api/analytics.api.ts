import { api } from '../../../api/client.ts';

export interface Bucket {
  code: string;
  n: number;
}

export interface ChildFigures {
  code: string;
  name: string;
  total: number;
  certified: number;
  key: number;
  population: number | null;
  perTenThousand: number | null;
}

/** GET /talent-analytics (analyticsSchema in server/modules/talents/talent-workflow.routes.ts). */
export interface TalentAnalytics {
  region: { code: string; name: string; level: number; population: number | null };
  asOf: string;
  totals: {
    total: number;
    certified: number;
    key: number;
    party: number;
    swGraduate: number;
    professionalPost: number;
    youth: number;
    perTenThousand: number | null;
  };
  byTier: Bucket[];
  byCategory: Bucket[];
  byField: Bucket[];
  byRole: Bucket[];
  byUrbanRural: Bucket[];
  byAgeBand: Bucket[];
  bySex: Bucket[];
  byEducation: Bucket[];
  children: ChildFigures[];
  newKey: { since: string; n: number } | null;
}

/**
 * Under the talents prefix on purpose: every talent write invalidates `talentKeys.all` (['talents']),
 * and the figures must follow (an import, an edit, a transfer all change them).
 */
export const analyticsKeys = {
  all: ['talents', 'analytics'] as const,
  of: (regionCode: string | undefined, keySince: string | undefined) => ['talents', 'analytics', regionCode ?? null, keySince ?? null] as const,
};

export const analyticsApi = {
  get: (regionCode?: string, keySince?: string) => api.get<TalentAnalytics>('/talent-analytics', { query: { regionCode, keySince } }),
};
