import type { User } from '../../../../../domain/users/user.schema.ts';
import { api } from '../../../api/client.ts';

export type { User } from '../../../../../domain/users/user.schema.ts';

export interface RoleInfo {
  role: string;
  name: string;
  nameEn: string;
  /** Level the user's region must have (0 country … 3 county); null = any. */
  regionLevel: number | null;
  assignable: boolean;
  permissions: string[];
}

export type UserSort = 'username' | 'created_at' | 'last_login_at' | 'region_code';

export interface UserQuery {
  q?: string;
  role?: string;
  status?: 'active' | 'disabled';
  regionCode?: string;
  sort?: UserSort;
  order?: 'asc' | 'desc';
  page: number;
  pageSize: number;
}

export interface NewUser {
  username: string;
  displayName: string;
  role: string;
  regionCode: string;
  /** Required for a 社工机构管理员: the agency the account acts for. */
  boundEntityId?: string | null;
}

export const userKeys = {
  all: ['users'] as const,
  list: (q: UserQuery) => ['users', 'list', q] as const,
  roles: ['roles'] as const,
};

export const usersApi = {
  list: (q: UserQuery) => api.get<{ items: User[]; total: number }>('/users', { query: { ...q } }),
  roles: async () => (await api.get<{ items: RoleInfo[] }>('/roles')).items,
  create: (body: NewUser) => api.post<{ user: User; initialPassword: string }>('/users', body),
  update: (id: string, body: Partial<Omit<NewUser, 'username'>>) => api.patch<User>(`/users/${id}`, body),
  disable: (id: string) => api.post<User>(`/users/${id}/disable`),
  enable: (id: string) => api.post<User>(`/users/${id}/enable`),
  resetPassword: (id: string) => api.post<{ password: string }>(`/users/${id}/reset-password`),
};
