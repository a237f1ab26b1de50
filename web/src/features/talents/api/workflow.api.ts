import type { KeyRuleSet } from '../../../../../domain/talents/key-talent-rules.ts';
import type { CertificateInput, TalentDetail, TrainingInput } from '../../../../../domain/talents/talent.schema.ts';
import { api } from '../../../api/client.ts';

export type DecisionStatus = 'pending' | 'approved' | 'rejected';

export interface Transfer {
  id: string;
  talentName: string;
  talentId: string | null;
  fromRegion: string | null;
  fromRegionName: string | null;
  toRegion: string;
  toRegionName: string | null;
  reason: string;
  status: DecisionStatus;
  requestedBy: string | null;
  requestedAt: string;
  decidedBy: string | null;
  decidedAt: string | null;
  decisionNote: string | null;
  mayDecide: boolean;
}

export interface NewTransfer {
  idNumber: string;
  name: string;
  toRegionCode: string;
  reason: string;
}

export interface DuplicateBrief {
  id: string;
  name: string;
  idNumberMasked: string;
  birthDate: string;
  tier: string;
  employer: string;
  status: string;
  createdAt: string;
  updatedAt: string;
}

export interface DuplicatePair {
  regionCode: string;
  regionName: string | null;
  a: DuplicateBrief;
  b: DuplicateBrief;
}

export interface Submission {
  id: string;
  talentId: string;
  talentName: string | null;
  regionCode: string;
  kind: 'certificate' | 'training';
  payload: Record<string, unknown>;
  status: DecisionStatus;
  submittedAt: string;
  decidedBy: string | null;
  decidedAt: string | null;
  decisionNote: string | null;
}

export interface RuleSetInfo {
  provinceCode: string;
  ruleSet: KeyRuleSet;
  custom: boolean;
  updatedAt: string | null;
  updatedBy: string | null;
  recomputed?: number;
}

export type NewSubmission = { kind: 'certificate'; certificate: CertificateInput } | { kind: 'training'; training: TrainingInput };

export const workflowKeys = {
  transfers: (direction: string, status: string | undefined, page: number, pageSize: number) =>
    ['talent-transfers', direction, status ?? null, page, pageSize] as const,
  transfersAll: ['talent-transfers'] as const,
  duplicates: ['talent-duplicates'] as const,
  submissions: (status: string | undefined, page: number, pageSize: number) => ['talent-submissions', status ?? null, page, pageSize] as const,
  submissionsAll: ['talent-submissions'] as const,
  rules: (province: string) => ['key-talent-rules', province] as const,
  me: ['me-talent'] as const,
  todo: ['talent-todo'] as const,
  mySubmissions: ['me-talent', 'submissions'] as const,
};

export const workflowApi = {
  requestTransfer: (body: NewTransfer) => api.post<Transfer>('/talent-transfers', body),
  transfers: (direction: 'to_decide' | 'requested', status: DecisionStatus | undefined, page: number, pageSize: number) =>
    api.get<{ items: Transfer[]; total: number }>('/talent-transfers', { query: { direction, status, page, pageSize } }),
  approveTransfer: (id: string, note: string) => api.post<Transfer>(`/talent-transfers/${id}/approve`, { note }),
  rejectTransfer: (id: string, note: string) => api.post<Transfer>(`/talent-transfers/${id}/reject`, { note }),

  duplicates: async () => (await api.get<{ items: DuplicatePair[] }>('/talent-duplicates')).items,
  merge: (keepId: string, mergeId: string) => api.post<{ ok: true }>('/talent-duplicates/merge', { keepId, mergeId }),
  dismiss: (aId: string, bId: string) => api.post<{ ok: true }>('/talent-duplicates/dismiss', { aId, bId }),

  submissions: (status: DecisionStatus | undefined, page: number, pageSize: number) =>
    api.get<{ items: Submission[]; total: number }>('/talent-submissions', { query: { status, page, pageSize } }),
  approveSubmission: (id: string, note: string) => api.post<Submission>(`/talent-submissions/${id}/approve`, { note }),
  rejectSubmission: (id: string, note: string) => api.post<Submission>(`/talent-submissions/${id}/reject`, { note }),

  rules: (province: string) => api.get<RuleSetInfo>(`/key-talent-rules/${province}`),
  saveRules: (province: string, ruleSet: KeyRuleSet) => api.put<RuleSetInfo>(`/key-talent-rules/${province}`, ruleSet),

  me: () => api.get<TalentDetail>('/me/talent'),
  updateMyPhone: (phone: string | null) => api.patch<TalentDetail>('/me/talent/contact', { phone }),
  mySubmissions: () => api.get<{ items: Submission[]; total: number }>('/me/talent/submissions'),
  submit: (body: NewSubmission) => api.post<Submission>('/me/talent/submissions', body),
};
