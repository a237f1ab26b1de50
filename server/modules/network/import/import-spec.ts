/**
 * What the network importer needs to know about each register (platforms, agencies, community
 * groups): its columns, how a row becomes an input, the checks that need the database or the whole
 * file, and the owners' create/update functions the commit goes through (so every rule, summary and
 * audit entry of a typed-in record applies to an imported one too).
 */
import type { Transaction } from 'kysely';
import type { Permission } from '../../../../domain/auth/roles.ts';
import type { Actor, Deps } from '../../../context.ts';
import type { Database } from '../../../db/schema.ts';
import type { SheetColumn } from '../../../io/xlsx/network-column.ts';
import type { MappedRow, RowError } from '../../../io/xlsx/network-rows.ts';
import type { NetworkSheetKind } from '../../../io/xlsx/network-template.ts';
import { regionsByCode } from '../network-files.repository.ts';

export interface PendingRow<I, R> {
  rowNumber: number;
  raw: unknown[];
  input: I | null;
  errors: RowError[];
  refs: R;
  /** The record this row updates (same natural key, in the uploader's scope). */
  existingId: string | null;
}

export interface CheckContext {
  deps: Deps;
  actor: Actor;
  regions: Map<string, { status: string; level: number } | null>;
  /** Natural key → first row number, for duplicates within the file. */
  seen: Map<string, number>;
}

export interface ImportSpec<I, R> {
  kind: NetworkSheetKind;
  /** What the uploader needs to import (and to see the job). */
  permission: Permission;
  /** 阵地 / 机构 / 组织, for messages. */
  noun: string;
  columns: readonly SheetColumn[];
  map(cells: Record<string, unknown>): MappedRow<I, R>;
  /** Database and whole-file checks of a batch: adds row errors, resolves references into `input`, sets `existingId`. */
  check(ctx: CheckContext, rows: PendingRow<I, R>[]): Promise<void>;
  /** At commit, inside the transaction: the id now holding this row's natural key, if any. */
  holderOf(trx: Transaction<Database>, input: I): Promise<string | null>;
  create(trx: Transaction<Database>, deps: Deps, actor: Actor, input: I): Promise<string>;
  update(trx: Transaction<Database>, deps: Deps, actor: Actor, id: string, patch: Partial<I>): Promise<void>;
}

export const fail = (row: { errors: RowError[] }, column: string, message: string) => {
  if (!row.errors.some((e) => e.column === column)) row.errors.push({ column, message });
};

/** Loads the regions of the batch the cache does not have yet. */
export async function loadRegions(ctx: CheckContext, codes: string[]): Promise<void> {
  const missing = [...new Set(codes)].filter((c) => !ctx.regions.has(c));
  if (!missing.length) return;
  const found = new Map((await regionsByCode(ctx.deps.db, missing)).map((r) => [r.code, { status: r.status, level: Number(r.level) }]));
  for (const c of missing) ctx.regions.set(c, found.get(c) ?? null);
}

/** Marks a row's duplicate natural key within the file. */
export function markDuplicate(ctx: CheckContext, row: { rowNumber: number; errors: RowError[] }, key: string, column: string, what: string): void {
  const first = ctx.seen.get(key);
  if (first !== undefined) fail(row, column, `与第 ${first} 行${what}重复`);
  else ctx.seen.set(key, row.rowNumber);
}
