import type { FormInstance } from 'antd';
import { ApiError, type FieldIssue } from './client.ts';

export interface AppliedFieldErrors {
  /** Issues shown under a field of the form. */
  shown: FieldIssue[];
  /** Issues naming no field of the form (show them in a message). */
  unmatched: FieldIssue[];
}

/** 'certificates.0.certificateNo' → ['certificates', 0, 'certificateNo'] (a Form.List path). */
export function toNamePath(field: string): (string | number)[] {
  return field.split('.').map((seg) => (/^\d+$/.test(seg) ? Number(seg) : seg));
}

/**
 * Puts the server's field-level messages (`details: [{ field, message }]`, in Chinese) under the
 * matching antd Form fields; dotted fields ('certificates.0.certificateNo') go under the field of
 * that Form.List row. `fieldMap` renames server fields to form fields where they differ
 * (e.g. `{ code: 'codeSegment' }`). Returns what was shown and what matched no field.
 */
export function applyFieldErrors(form: FormInstance, error: unknown, fieldMap: Record<string, string> = {}): AppliedFieldErrors {
  if (!(error instanceof ApiError)) return { shown: [], unmatched: [] };
  const registered = new Set(Object.keys(form.getFieldsValue() ?? {}));
  const byField = new Map<string, string[]>();
  const shown: FieldIssue[] = [];
  const unmatched: FieldIssue[] = [];
  for (const issue of error.fieldIssues) {
    const name = fieldMap[issue.field] ?? issue.field;
    const path = toNamePath(name);
    // A row of a list must exist for its field to be shown.
    const present = registered.has(String(path[0])) && (path.length === 1 || form.getFieldValue(path.slice(0, -1)) !== undefined);
    if (!present) {
      unmatched.push(issue);
      continue;
    }
    byField.set(name, [...(byField.get(name) ?? []), issue.message]);
    shown.push(issue);
  }
  if (byField.size) form.setFields([...byField].map(([name, errors]) => ({ name: toNamePath(name), errors })));
  return { shown, unmatched };
}
