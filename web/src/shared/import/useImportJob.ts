import { useQuery } from '@tanstack/react-query';
import { type ImportConfig, type ImportJob, importApi, importKeys } from './import.api.ts';

const RUNNING = new Set(['validating', 'committing']);

export const isRunning = (job: ImportJob | undefined) => !!job && RUNNING.has(job.status);

/** An import job, polled every 700 ms while the server validates or commits it. */
export function useImportJob(config: ImportConfig, id: string | null) {
  return useQuery({
    queryKey: importKeys.job(config.kind, id ?? ''),
    queryFn: () => importApi(config).get(id as string),
    enabled: !!id,
    staleTime: 0,
    refetchInterval: (q) => (isRunning(q.state.data) ? 700 : false),
  });
}

/**
 * The job a wizard is following, kept for the session so a closed wizard can pick it up again; one
 * per kind ('sgpt.talentImportJob' as before the wizard was shared).
 */
export function rememberedJob(kind: string) {
  const key = `sgpt.${kind}ImportJob`;
  return {
    get: (): string | null => {
      try {
        return sessionStorage.getItem(key);
      } catch {
        return null;
      }
    },
    set: (id: string | null) => {
      try {
        if (id) sessionStorage.setItem(key, id);
        else sessionStorage.removeItem(key);
      } catch {
        // Not remembered: the wizard starts afresh next time.
      }
    },
  };
}
