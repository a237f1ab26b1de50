import { useQuery } from '@tanstack/react-query';
import { type ImportJob, importKeys, importsApi } from '../api/imports.api.ts';

const RUNNING = new Set(['validating', 'committing']);

export const isRunning = (job: ImportJob | undefined) => !!job && RUNNING.has(job.status);

/** An import job, polled every 700 ms while the server validates or commits it. */
export function useImportJob(id: string | null) {
  return useQuery({
    queryKey: importKeys.job(id ?? ''),
    queryFn: () => importsApi.get(id as string),
    enabled: !!id,
    staleTime: 0,
    refetchInterval: (q) => (isRunning(q.state.data) ? 700 : false),
  });
}

const STORAGE_KEY = 'sgpt.talentImportJob';

/** The job the wizard is following, kept for the session so a closed wizard can pick it up again. */
export const rememberedJob = {
  get: (): string | null => {
    try {
      return sessionStorage.getItem(STORAGE_KEY);
    } catch {
      return null;
    }
  },
  set: (id: string | null) => {
    try {
      if (id) sessionStorage.setItem(STORAGE_KEY, id);
      else sessionStorage.removeItem(STORAGE_KEY);
    } catch {
      // Not remembered: the wizard starts afresh next time.
    }
  },
};
