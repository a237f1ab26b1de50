import { z } from 'zod';
import { regionPathItemSchema } from '../../domain/regions/region.schema.ts';
import { isRegionCode } from '../../domain/standards/region-code.ts';

/** Schemas shared by several modules' routes. */

export const okSchema = z.object({ ok: z.literal(true) });

export const regionCodeSchema = z
  .string()
  .regex(/^\d{12}$/, '区划代码应为 12 位数字')
  .refine((c) => isRegionCode(c) || c === '000000000000', '区划代码不符合国家统计用区划代码规则');

export const pageQuery = {
  page: z.coerce.number().int().min(1, '页码从 1 开始').max(100000).default(1),
  pageSize: z.coerce
    .number()
    .int()
    .refine((n) => [10, 20, 50, 100].includes(n), '每页条数应为 10、20、50 或 100')
    .default(20),
};

export const sessionUserSchema = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  role: z.string(),
  roleName: z.string(),
  regionCode: z.string(),
  regionPath: z.array(regionPathItemSchema),
  permissions: z.array(z.string()),
  mustChangePassword: z.boolean(),
  bound: z.object({ type: z.string(), id: z.string().nullable() }).nullable(),
});
