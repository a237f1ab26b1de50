import type { FormRule } from 'antd';
import type { z } from 'zod';

/**
 * An antd form rule from a zod schema: the field is valid when the schema accepts its value, and the
 * message is the schema's (Chinese, the same words the server would answer with).
 * `prepare` turns the form value into what the API would receive (e.g. '' → null).
 */
export function zodRule(schema: z.ZodType, prepare: (value: unknown) => unknown = (v) => v): FormRule {
  return {
    validator: async (_rule, value) => {
      const result = schema.safeParse(prepare(value));
      if (!result.success) throw new Error(result.error.issues[0]?.message);
    },
  };
}

/**
 * A rule for one field of an object validated as a whole (a list item with a cross-field check such
 * as "离职日期不能早于入职日期"): the object is parsed and only the issues at `field` count.
 */
export function zodItemRule(schema: z.ZodType, getItem: () => unknown, field: string): FormRule {
  return {
    validator: async () => {
      const result = schema.safeParse(getItem());
      if (result.success) return;
      const issue = result.error.issues.find((i) => i.path[0] === field);
      if (issue) throw new Error(issue.message);
    },
  };
}

/** Empty strings and undefined as null (optional dates, phone). */
export const emptyToNull = (v: unknown) => (v === '' || v === undefined ? null : v);
