import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { DomainError, type FieldIssue } from '../errors.ts';

interface ErrorBody {
  error: { code: string; message: string; details?: unknown; requestId: string };
}

/**
 * Turns a validation entry's instancePath ('/designations/0') into a field name ('designations.0');
 * an issue about the whole object names the part of the request ('body', 'querystring', 'params').
 */
function fieldOf(instancePath: string | undefined, fallback: string): string {
  const parts = (instancePath ?? '').split('/').filter(Boolean);
  return parts.length ? parts.join('.') : fallback;
}

/**
 * Zod validation issues as field-level Chinese messages (zod's zh-CN locale is set in app.ts).
 * fastify-type-provider-zod (6.x) reports each zod issue as { keyword: issue.code, instancePath:
 * '/a/b', message, params: the issue's other properties (e.g. `keys` of unrecognized_keys) }.
 * (Fixed: this used to read a `params.issue` the library never sets, so an unknown field was
 * reported as field 'body' and paths kept their slashes — found by tests/api/csrf-and-bad-input.)
 */
function zodIssues(err: FastifyError): FieldIssue[] {
  const validation = (
    err as unknown as {
      validation: Array<{ keyword?: string; instancePath?: string; message?: string; params?: { keys?: unknown } }>;
    }
  ).validation;
  const whole = err.validationContext ?? 'body';
  const out: FieldIssue[] = [];
  for (const v of validation ?? []) {
    const keys = v.params?.keys;
    if (v.keyword === 'unrecognized_keys' && Array.isArray(keys)) {
      const at = fieldOf(v.instancePath, '');
      for (const k of keys.map(String)) {
        out.push({ field: at ? `${at}.${k}` : k, code: 'UNKNOWN_FIELD', message: `不允许的字段「${k}」` });
      }
      continue;
    }
    out.push({ field: fieldOf(v.instancePath, whole), code: v.keyword, message: v.message ?? '格式不正确' });
  }
  return out;
}

const FASTIFY_CODES: Record<string, { status: number; code: string; message: string }> = {
  FST_ERR_CTP_BODY_TOO_LARGE: { status: 413, code: 'PAYLOAD_TOO_LARGE', message: '提交的数据过大(上限 1 MB)' },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: { status: 415, code: 'UNSUPPORTED_MEDIA_TYPE', message: '不支持的内容类型,请以 JSON 提交' },
  FST_ERR_CTP_EMPTY_JSON_BODY: { status: 400, code: 'BAD_JSON', message: '请求体为空,请提交 JSON 数据' },
  FST_ERR_CTP_INVALID_JSON_BODY: { status: 400, code: 'BAD_JSON', message: '请求体不是合法的 JSON' },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: { status: 400, code: 'BAD_REQUEST', message: '请求长度与内容不符' },
  FST_ERR_NOT_FOUND: { status: 404, code: 'NOT_FOUND', message: '请求的地址不存在' },
  // @fastify/multipart (imports)
  FST_REQ_FILE_TOO_LARGE: { status: 413, code: 'PAYLOAD_TOO_LARGE', message: '文件超过 50 MB,请拆分后分批导入' },
  FST_FILES_LIMIT: { status: 400, code: 'VALIDATION_FAILED', message: '一次只能上传一个文件' },
  FST_INVALID_MULTIPART_CONTENT_TYPE: { status: 415, code: 'UNSUPPORTED_MEDIA_TYPE', message: '请以 multipart/form-data 上传文件' },
};

export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError, request, reply) => {
    const requestId = String(request.id);
    const send = (status: number, code: string, message: string, details?: unknown) => {
      const body: ErrorBody = { error: { code, message, requestId, ...(details !== undefined ? { details } : {}) } };
      return reply.status(status).send(body);
    };
    if (err instanceof DomainError) return send(err.status, err.code, err.message, err.details);
    if (hasZodFastifySchemaValidationErrors(err)) {
      const issues = zodIssues(err);
      return send(400, 'VALIDATION_FAILED', issues[0] ? `${issues[0].message}(${issues[0].field})` : '提交的数据有误', issues);
    }
    const known = err.code ? FASTIFY_CODES[err.code] : undefined;
    if (known) return send(known.status, known.code, known.message);
    if (err instanceof SyntaxError || err.statusCode === 400) {
      return send(400, 'BAD_JSON', '请求体不是合法的 JSON');
    }
    if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) {
      return send(err.statusCode, 'BAD_REQUEST', '请求无法处理,请检查后重试');
    }
    // A unique key taken between a service's existence check and its insert (two clerks submitting
    // the same username or region code at once): 409 like the checked case, not a 500 (found by a
    // parallel-create test in tests/api/users.test.ts; PostgreSQL 23505, SQLite constraint codes).
    if (err.code === '23505' || err.code === 'SQLITE_CONSTRAINT_UNIQUE' || err.code === 'SQLITE_CONSTRAINT_PRIMARYKEY') {
      return send(409, 'CONFLICT', '该记录已存在(可能刚由他人提交),请刷新后重试');
    }
    request.log.error({ err }, 'unhandled error');
    return send(500, 'INTERNAL', `系统内部错误,请联系管理员并提供编号 ${requestId}`);
  });
}

/**
 * Unknown paths: JSON 404 envelopes for the API; with `spaShell`, other GETs get the web app's
 * index.html so client-side routes (/users, /regions/…) survive a reload.
 */
export function registerNotFound(app: FastifyInstance, opts: { spaShell: boolean }): void {
  app.setNotFoundHandler((request, reply) => {
    if (opts.spaShell && request.method === 'GET' && !request.url.startsWith('/api/')) return reply.sendFile('index.html');
    return reply.status(404).send({ error: { code: 'NOT_FOUND', message: '请求的地址不存在', requestId: String(request.id) } });
  });
}
