/**
 * Field builders the record schemas (talents, platforms, agencies, community groups) share, so a
 * field's Chinese messages read the same on every form. Each call builds a new schema.
 */
import { z } from 'zod';

/** Trimmed free text of at most `max` characters ('' allowed). */
export const text = (label: string, max: number) => z.string(`请填写${label}`).trim().max(max, `${label}不能超过 ${max} 个字`);

/** Trimmed free text that must not be empty. */
export const requiredText = (label: string, max: number) => text(label, max).min(1, `请填写${label}`);

/** A year of the service network's records (ratings, funding, openings): 1990–2100. */
export const year = (label: string) => z.number(`${label}应为年份数字`).int().min(1990, `${label}不早于 1990 年`).max(2100, `${label}不晚于 2100 年`);

/** Query-string booleans: 'true' / 'false' (also 1 / 0). */
export const queryFlag = () => z.enum(['true', 'false', '1', '0'], '应为 true 或 false').transform((v) => v === 'true' || v === '1');

/**
 * A patch must not fill in defaults: zod 4 applies a default even inside .optional(), which would turn
 * "change the post" into "change the post and empty every list". Unwrap the default first.
 */
const withoutDefault = (s: z.ZodType): z.ZodType => (s instanceof z.ZodDefault ? (s.unwrap() as z.ZodType) : s);

/** The shape of a patch body: every field of `shape` optional, without its default. Callers give the type. */
export const patchShape = (shape: Record<string, unknown>): Record<string, z.ZodType> =>
  Object.fromEntries(Object.entries(shape).map(([k, v]) => [k, withoutDefault(v as z.ZodType).optional()]));

/** A list filter's region: a full 12-digit code (the list shows that subtree). */
export const regionCodeFilter = () => z.string().regex(/^\d{12}$/, '区划代码应为 12 位数字');
