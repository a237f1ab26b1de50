import type { networkZhCN } from './network.zh-CN.ts';

/** English strings of the network pages: every key of network.zh-CN.ts, checked by the type. */
export const networkEn: Record<keyof typeof networkZhCN, string> = {};
