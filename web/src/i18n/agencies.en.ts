import type { agenciesZhCN } from './agencies.zh-CN.ts';

/** English strings of the agencies pages: every key of agencies.zh-CN.ts, checked by the type. */
export const agenciesEn: Record<keyof typeof agenciesZhCN, string> = {};
