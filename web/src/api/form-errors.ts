import type { FormInstance } from 'antd';
import { ApiError, type FieldIssue } from './client.ts';

export interface AppliedFieldErrors {
  /** Issues shown under a field of the form. */
  shown: FieldIssue[];
  /** Issues naming no field of the form (show them in a message). */
  unmatched: FieldIssue[];
}

/**
 * Puts the server's field-level messages (`details: [{ field, message }]`, in Chinese) under the
 * matching antd Form fields. `fieldMap` renames server fields to form fields where they differ
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
    if (!registered.has(name)) {
      unmatched.push(issue);
      continue;
    }
    byField.set(name, [...(byField.get(name) ?? []), issue.message]);
    shown.push(issue);
  }
  if (byField.size) form.setFields([...byField].map(([name, errors]) => ({ name, errors })));
  return { shown, unmatched };
}
