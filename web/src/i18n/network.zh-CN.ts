/** Chinese strings of the network pages; merged into zh-CN.ts. */
export const networkZhCN = {} as const;
