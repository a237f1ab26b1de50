/**
 * Business code throws DomainError; one Fastify error handler (server/http/error-handler.ts) turns
 * it into `{ error: { code, message, details, requestId } }` with the status below.
 */
export interface FieldIssue {
  field: string;
  message: string;
  code?: string;
}

export const ERROR_STATUS: Record<string, number> = {
  VALIDATION_FAILED: 400,
  BAD_JSON: 400,
  UNAUTHENTICATED: 401,
  LOGIN_FAILED: 401,
  ACCOUNT_LOCKED: 423,
  ACCOUNT_DISABLED: 403,
  SESSION_EXPIRED: 401,
  CSRF_FAILED: 403,
  FORBIDDEN: 403,
  SCOPE_FORBIDDEN: 403,
  PASSWORD_CHANGE_REQUIRED: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  TALENT_ELSEWHERE: 409,
  PAYLOAD_TOO_LARGE: 413,
  /** A credit code whose check character is wrong: an administrator may confirm and keep it. */
  CREDIT_CHECK_WARNING: 422,
  UNSUPPORTED_MEDIA_TYPE: 415,
  RATE_LIMITED: 429,
};

export class DomainError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly details?: FieldIssue[] | Record<string, unknown>,
  ) {
    super(message);
    this.name = 'DomainError';
  }

  get status(): number {
    return ERROR_STATUS[this.code] ?? 400;
  }
}

export const notFound = (what: string) => new DomainError('NOT_FOUND', `${what}不存在或已被删除`);
export const scopeForbidden = () => new DomainError('SCOPE_FORBIDDEN', '该数据不在您的管辖范围内');
export const validationFailed = (issues: FieldIssue[], message = '提交的数据有误,请按提示修改') => new DomainError('VALIDATION_FAILED', message, issues);
