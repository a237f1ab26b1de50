/** National data standards: pure parsers, validators and code lists. */
export * from './code-lists.ts';
export * from './credit-code.ts';
export * from './id-number.ts';
export * from './normalize.ts';
export * from './region-code.ts';
