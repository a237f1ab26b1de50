import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { ApiError } from '../../../api/client.ts';
import { authApi, type SessionUser, sessionHint } from '../api/auth.api.ts';

export const SESSION_KEY = ['session'] as const;

/** The signed-in user, null when nobody is (a 401 from /auth/me is an answer, not an error). */
export function useSessionQuery() {
  return useQuery<SessionUser | null>({
    queryKey: SESSION_KEY,
    queryFn: async () => {
      if (!sessionHint.get()) return null;
      try {
        return await authApi.me();
      } catch (err) {
        if (err instanceof ApiError && err.status === 401) {
          sessionHint.set(false);
          return null;
        }
        throw err;
      }
    },
    staleTime: Number.POSITIVE_INFINITY,
    retry: false,
  });
}

/** The signed-in user inside the shell (RequireAuth guarantees one). */
export function useCurrentUser(): SessionUser {
  const { data } = useSessionQuery();
  if (!data) throw new Error('useCurrentUser outside an authenticated route');
  return data;
}

export function useCan(): (permission: string) => boolean {
  const { data } = useSessionQuery();
  return useCallback((permission: string) => data?.permissions.includes(permission) ?? false, [data]);
}

/** Forget everything cached for the previous user and mark the session as gone. */
export function useEndSession(): () => void {
  const queryClient = useQueryClient();
  return useCallback(() => {
    sessionHint.set(false);
    queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== SESSION_KEY[0] });
    queryClient.setQueryData(SESSION_KEY, null);
  }, [queryClient]);
}

/** The scope root: the user's own region (path's last item). */
export function scopeRootOf(user: SessionUser) {
  return user.regionPath.at(-1) ?? { code: user.regionCode, name: user.regionCode, level: 0 };
}

/** Region path for the header: names from the province down; 全国 only when it is the whole path. */
export function scopePathNames(user: SessionUser): string[] {
  const names = user.regionPath.filter((r) => r.level > 0).map((r) => r.name);
  return names.length ? names : user.regionPath.map((r) => r.name);
}
