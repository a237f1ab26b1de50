import { api, setCsrfToken } from '../../../api/client.ts';

export interface RegionPathItem {
  code: string;
  name: string;
  level: number;
}

export interface SessionUser {
  id: string;
  username: string;
  displayName: string;
  role: string;
  roleName: string;
  regionCode: string;
  regionPath: RegionPathItem[];
  permissions: string[];
  mustChangePassword: boolean;
  bound: { type: string; id: string | null } | null;
}

const HINT_KEY = 'sgpt.signedIn';

/**
 * Whether this browser signed in and has not signed out since. Without it, asking /auth/me on a
 * first visit only earns a 401 (which browsers log as a console error): we go straight to login.
 */
export const sessionHint = {
  get: () => {
    try {
      return localStorage.getItem(HINT_KEY) === '1';
    } catch {
      return true;
    }
  },
  set: (on: boolean) => {
    try {
      if (on) localStorage.setItem(HINT_KEY, '1');
      else localStorage.removeItem(HINT_KEY);
    } catch {
      // Storage blocked: the probe simply always runs.
    }
  },
};

interface MeResponse {
  user: SessionUser;
  csrfToken: string;
}

export const authApi = {
  async login(username: string, password: string): Promise<SessionUser> {
    const res = await api.post<MeResponse>('/auth/login', { username, password }, { quiet401: true });
    setCsrfToken(res.csrfToken);
    sessionHint.set(true);
    return res.user;
  },
  async me(): Promise<SessionUser> {
    const res = await api.get<MeResponse>('/auth/me', { quiet401: true });
    setCsrfToken(res.csrfToken);
    sessionHint.set(true);
    return res.user;
  },
  async logout(): Promise<void> {
    sessionHint.set(false);
    await api.post('/auth/logout', undefined, { quiet401: true });
    setCsrfToken(null);
  },
  changePassword: (oldPassword: string, newPassword: string) => api.post<{ ok: true }>('/auth/password', { oldPassword, newPassword }),
};
