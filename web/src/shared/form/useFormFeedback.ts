import { App, type FormInstance } from 'antd';
import type { z } from 'zod';
import { applyFieldErrors, toNamePath } from '../../api/form-errors.ts';
import { useNotifyError } from '../errors.ts';

type NamePath = (string | number)[];

interface FormFeedbackOptions {
  /** "请修正标红的字段" in the form's own words. */
  fixErrorsText: string;
  /** Schema paths as form paths, where the form holds a field under another name (元 vs 分). */
  formPath?: (path: PropertyKey[]) => NamePath;
}

/**
 * Where a record form's errors go, the same way in every form: schema issues and the server's field errors
 * under their fields, the first one scrolled into view, a "fix the marked fields" message for the client side,
 * the server's error as a notification.
 */
export function useFormFeedback<V>(form: FormInstance<V>, { fixErrorsText, formPath = (p) => p as NamePath }: FormFeedbackOptions) {
  const { message } = App.useApp();
  const notifyError = useNotifyError();
  return {
    /** Puts the schema's issues under their fields; true when there were any (then do not send). */
    showIssues(result: z.ZodSafeParseResult<unknown>): boolean {
      if (result.success) return false;
      form.setFields(result.error.issues.map((i) => ({ name: formPath(i.path) as never, errors: [i.message] })));
      const first = result.error.issues[0];
      if (first) form.scrollToField(formPath(first.path), { block: 'center' });
      message.error(fixErrorsText);
      return true;
    },
    /** The server refused: its field errors under the fields (`fieldMap` renames server fields), then the error itself. */
    showServerError(err: unknown, fieldMap: Record<string, string> = {}) {
      const { shown } = applyFieldErrors(form, err, fieldMap);
      if (shown[0]) form.scrollToField(toNamePath(fieldMap[shown[0].field] ?? shown[0].field), { block: 'center' });
      notifyError(err);
    },
    /** For Form's onFinishFailed: the field rules failed before anything was sent. */
    onFinishFailed({ errorFields }: { errorFields: { name: NamePath }[] }) {
      if (errorFields[0]) form.scrollToField(errorFields[0].name, { block: 'center' });
      message.error(fixErrorsText);
    },
  };
}
