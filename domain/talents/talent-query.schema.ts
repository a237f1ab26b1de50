import { z } from 'zod';
import { queryFlag, regionCodeFilter } from '../standards/zod-fields.ts';
import { codesOf, SERVICE_FIELDS, TALENT_CATEGORIES, TALENT_ROLES, TALENT_STATUSES, TIERS } from './code-lists.ts';

const age = (label: string) => z.coerce.number(`${label}应为数字`).int(`${label}应为整数`).min(0, `${label}不能小于 0`).max(120, `${label}不能大于 120`);

/** The talent list's filters (list page, export, and the web's query form share them). */
export const talentFilterShape = {
  regionCode: regionCodeFilter().optional(),
  tier: z.enum(codesOf(TIERS), '证书等级不正确').optional(),
  category: z.enum(codesOf(TALENT_CATEGORIES), '人才类别不正确').optional(),
  field: z.enum(codesOf(SERVICE_FIELDS), '服务领域不正确').optional(),
  role: z.enum(codesOf(TALENT_ROLES), '人员身份不正确').optional(),
  minAge: age('最小年龄').optional(),
  maxAge: age('最大年龄').optional(),
  key: queryFlag().optional(),
  due: queryFlag().optional(),
  short: queryFlag().optional(),
  status: z.enum(codesOf(TALENT_STATUSES), '人员状态不正确').optional(),
  q: z.string().trim().max(40, '搜索内容不超过 40 个字').optional(),
  sort: z.enum(['region_code', 'name', 'birth_date', 'tier', 'updated_at'], '排序字段不正确').optional(),
  order: z.enum(['asc', 'desc'], '排序方向应为 asc 或 desc').optional(),
};
export type TalentFilterInput = { [K in keyof typeof talentFilterShape]?: z.input<(typeof talentFilterShape)[K]> };
