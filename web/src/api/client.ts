/**
 * The one way the web app talks to the server: JSON over fetch, same-origin cookie session,
 * X-CSRF-Token on every write, and `{ error: { code, message, details, requestId } }` turned
 * into an ApiError. Session loss (401) and a pending forced password change (403) are announced
 * to the router through `onAuthEvent`, so every page reacts the same way.
 */
import { translate } from '../i18n/index.ts';

export const API_BASE = '/api/v1';

export interface FieldIssue {
  field: string;
  message: string;
  code?: string;
}

export class ApiError extends Error {
  /** True once the error was dealt with globally (redirect to login …): pages show no second message. */
  handled = false;

  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: FieldIssue[] | Record<string, unknown>,
    readonly requestId?: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  /** Field-level issues (`details` as an array of `{ field, message }`), else []. */
  get fieldIssues(): FieldIssue[] {
    if (!Array.isArray(this.details)) return [];
    return this.details.filter((d): d is FieldIssue => typeof d?.field === 'string' && typeof d?.message === 'string');
  }
}

export type AuthEvent = { type: 'unauthenticated'; code: string; message: string } | { type: 'password-change-required'; message: string };

const listeners = new Set<(event: AuthEvent) => void>();

export function onAuthEvent(listener: (event: AuthEvent) => void): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

let csrfToken: string | null = null;

/** Kept in memory only (never in storage); set from the login and /auth/me responses. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

type QueryValue = string | number | boolean | null | undefined;

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  body?: unknown;
  query?: Record<string, QueryValue>;
  signal?: AbortSignal;
  /** Do not announce a 401 (the session probe and the login form handle it themselves). */
  quiet401?: boolean;
  /** Internal: this is the retry after refreshing a stale CSRF token. */
  csrfRetried?: boolean;
}

const SESSION_LOST = new Set(['UNAUTHENTICATED', 'SESSION_EXPIRED']);

function buildUrl(path: string, query?: Record<string, QueryValue>): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query ?? {})) {
    if (v === undefined || v === null || v === '') continue;
    params.set(k, String(v));
  }
  const qs = params.toString();
  return `${API_BASE}${path}${qs ? `?${qs}` : ''}`;
}

export async function parseError(res: Response): Promise<ApiError> {
  let body: unknown = null;
  try {
    body = await res.json();
  } catch {
    // Not JSON (a proxy error page …): fall through to a generic message.
  }
  const e = (body as { error?: { code?: string; message?: string; details?: FieldIssue[] | Record<string, unknown>; requestId?: string } } | null)?.error;
  if (e?.code) return new ApiError(res.status, e.code, e.message ?? translate('error.generic'), e.details, e.requestId);
  return new ApiError(res.status, res.status >= 500 ? 'INTERNAL' : 'HTTP_ERROR', translate('error.httpStatus', { status: res.status }));
}

export async function request<T>(path: string, opts: RequestOptions = {}): Promise<T> {
  const method = opts.method ?? 'GET';
  const headers: Record<string, string> = { Accept: 'application/json' };
  const multipart = typeof FormData !== 'undefined' && opts.body instanceof FormData;
  if (opts.body !== undefined && !multipart) headers['Content-Type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['X-CSRF-Token'] = csrfToken;

  let res: Response;
  try {
    res = await fetch(buildUrl(path, opts.query), {
      method,
      headers,
      body: opts.body === undefined ? undefined : multipart ? (opts.body as FormData) : JSON.stringify(opts.body),
      credentials: 'same-origin',
      signal: opts.signal,
    });
  } catch (err) {
    if ((err as Error)?.name === 'AbortError') throw err;
    throw new ApiError(0, 'NETWORK', translate('error.network'));
  }

  if (res.ok) {
    if (res.status === 204) return undefined as T;
    return (await res.json()) as T;
  }

  const error = await parseError(res);
  // The token in memory is stale (another tab signed in again …): fetch the current one and retry once.
  if (res.status === 403 && error.code === 'CSRF_FAILED' && !opts.csrfRetried) {
    const me = await fetch(`${API_BASE}/auth/me`, { credentials: 'same-origin', headers: { Accept: 'application/json' } }).catch(() => null);
    if (me?.ok) {
      csrfToken = ((await me.json()) as { csrfToken?: string }).csrfToken ?? null;
      return request<T>(path, { ...opts, csrfRetried: true });
    }
  }
  if (res.status === 401 && SESSION_LOST.has(error.code) && !opts.quiet401) {
    csrfToken = null;
    error.handled = true;
    for (const l of listeners) l({ type: 'unauthenticated', code: error.code, message: error.message });
  } else if (res.status === 403 && error.code === 'PASSWORD_CHANGE_REQUIRED') {
    error.handled = true;
    for (const l of listeners) l({ type: 'password-change-required', message: error.message });
  }
  throw error;
}

export const api = {
  get: <T>(path: string, opts?: Omit<RequestOptions, 'method' | 'body'>) => request<T>(path, { ...opts, method: 'GET' }),
  post: <T>(path: string, body?: unknown, opts?: Omit<RequestOptions, 'method' | 'body'>) => request<T>(path, { ...opts, method: 'POST', body }),
  patch: <T>(path: string, body: unknown, opts?: Omit<RequestOptions, 'method' | 'body'>) => request<T>(path, { ...opts, method: 'PATCH', body }),
  put: <T>(path: string, body: unknown, opts?: Omit<RequestOptions, 'method' | 'body'>) => request<T>(path, { ...opts, method: 'PUT', body }),
  delete: <T>(path: string, opts?: Omit<RequestOptions, 'method' | 'body'>) => request<T>(path, { ...opts, method: 'DELETE' }),
  /** multipart/form-data (file uploads); the CSRF header goes along as on every write. */
  upload: <T>(path: string, form: FormData, opts?: Omit<RequestOptions, 'method' | 'body'>) => request<T>(path, { ...opts, method: 'POST', body: form }),
};

/** The URL of an API path with its query (for downloads by plain link). */
export function apiUrl(path: string, query?: Record<string, QueryValue>): string {
  return buildUrl(path, query);
}

/**
 * A multipart upload with progress (fetch cannot report upload progress): same CSRF header, same
 * error envelope and session handling as `request`.
 */
export function uploadWithProgress<T>(path: string, form: FormData, onProgress?: (percent: number) => void): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', buildUrl(path));
    xhr.withCredentials = true;
    xhr.setRequestHeader('Accept', 'application/json');
    if (csrfToken) xhr.setRequestHeader('X-CSRF-Token', csrfToken);
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress?.(Math.round((e.loaded / e.total) * 100));
    };
    xhr.onerror = () => reject(new ApiError(0, 'NETWORK', translate('error.network')));
    xhr.onload = async () => {
      const res = new Response(xhr.responseText || null, { status: xhr.status, headers: { 'Content-Type': 'application/json' } });
      if (res.ok) {
        resolve((xhr.responseText ? JSON.parse(xhr.responseText) : undefined) as T);
        return;
      }
      const error = await parseError(res);
      if (res.status === 401 && SESSION_LOST.has(error.code)) {
        csrfToken = null;
        error.handled = true;
        for (const l of listeners) l({ type: 'unauthenticated', code: error.code, message: error.message });
      }
      reject(error);
    };
    xhr.send(form);
  });
}
