/** Chinese strings of the agencies pages; merged into zh-CN.ts. */
export const agenciesZhCN = {} as const;
