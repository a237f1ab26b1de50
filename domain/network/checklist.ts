/**
 * The standardization checklist (规范化建设): a set of items per province (default: Ningxia's
 * 有场地、有设备、有人员、有项目、有工作流程、有规章制度). A platform meeting every item of its province's
 * set is 规范化; what it lacks is the list of unmet items. The set is data: a province may use its own
 * (e.g. Jiande's 五有), and changing it re-decides the province's platforms.
 */
import { z } from 'zod';

export interface ChecklistItem {
  key: string;
  name: string;
  description: string;
}

export const DEFAULT_CHECKLIST: readonly ChecklistItem[] = Object.freeze([
  { key: 'site', name: '有场地', description: '有固定的服务场所,设置个案、小组、活动等功能室' },
  { key: 'equipment', name: '有设备', description: '配备办公、服务所需的设施设备' },
  { key: 'staff', name: '有人员', description: '有专职驻站社会工作者,持证社工按要求配备' },
  { key: 'projects', name: '有项目', description: '有在运行的社会工作服务项目' },
  { key: 'workflow', name: '有工作流程', description: '服务流程、档案管理规范清晰' },
  { key: 'rules', name: '有规章制度', description: '岗位职责、管理制度上墙并执行' },
]);

export const checklistItemSchema = z.strictObject({
  key: z
    .string('请填写项目代码')
    .trim()
    .regex(/^[a-z][a-z0-9_]{0,23}$/, '项目代码为小写字母开头的字母、数字或下划线,不超过 24 位'),
  name: z.string('请填写项目名称').trim().min(1, '请填写项目名称').max(20, '项目名称不能超过 20 个字'),
  description: z.string().trim().max(200, '说明不能超过 200 个字').default(''),
});

export const checklistSetSchema = z
  .array(checklistItemSchema)
  .min(1, '至少保留一个检查项目')
  .max(12, '检查项目不超过 12 项')
  .superRefine((items, ctx) => {
    const seen = new Set<string>();
    items.forEach((it, i) => {
      if (seen.has(it.key)) ctx.addIssue({ code: 'custom', path: [i, 'key'], message: '项目代码重复' });
      seen.add(it.key);
    });
  });

export interface CheckState {
  itemKey: string;
  met: boolean;
}

export interface ChecklistOutcome {
  /** Items of the set that are met. */
  met: number;
  /** Items of the set. */
  total: number;
  /** Every item met: the platform is 规范化. */
  standard: boolean;
  /** The items not (yet) met, in the set's order. */
  lacking: ChecklistItem[];
}

/** Evaluates a platform's checks against an item set; checks for keys outside the set are ignored. */
export function evaluateChecklist(items: readonly ChecklistItem[], checks: readonly CheckState[]): ChecklistOutcome {
  const met = new Set(checks.filter((c) => c.met).map((c) => c.itemKey));
  const lacking = items.filter((it) => !met.has(it.key));
  return { met: items.length - lacking.length, total: items.length, standard: items.length > 0 && lacking.length === 0, lacking };
}

/** Body of PUT /checklist-standards/:provinceCode. */
export const checklistBodySchema = z.strictObject({ items: checklistSetSchema });

export const checklistResponseSchema = z.object({
  provinceCode: z.string(),
  items: z.array(z.object({ key: z.string(), name: z.string(), description: z.string() })),
  /** False while the province uses DEFAULT_CHECKLIST. */
  custom: z.boolean(),
  updatedAt: z.string().nullable(),
  updatedBy: z.string().nullable(),
  /** PUT only: how many platforms of the province changed their standard decision. */
  recomputed: z.number().optional(),
});
