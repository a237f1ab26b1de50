import { useQuery } from '@tanstack/react-query';
import { userKeys, usersApi } from '../api/users.api.ts';

export function useRoles() {
  return useQuery({ queryKey: userKeys.roles, queryFn: usersApi.roles, staleTime: 10 * 60_000 });
}
