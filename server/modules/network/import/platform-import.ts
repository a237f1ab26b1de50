/** The platform register's import rules (see import-spec.ts). */

import type { PlatformInput } from '../../../../domain/network/platform.schema.ts';
import { kindLevelError } from '../../../../domain/network/platform-kind.ts';
import { isInScope } from '../../../auth/scope.ts';
import { headerOf } from '../../../io/xlsx/network-column.ts';
import { mapPlatformRow } from '../../../io/xlsx/network-rows.ts';
import { PLATFORM_COLUMNS } from '../../../io/xlsx/platform-columns.ts';
import { agenciesInScopeByRef, platformIdByKey, platformsByRegionAndName } from '../network-files.repository.ts';
import { createPlatformTx, updatePlatformTx } from '../platforms.service.ts';
import { fail, type ImportSpec, loadRegions, markDuplicate } from './import-spec.ts';

const REGION = headerOf(PLATFORM_COLUMNS, 'regionCode');
const NAME = headerOf(PLATFORM_COLUMNS, 'name');
const AGENCY = headerOf(PLATFORM_COLUMNS, 'agency');
const keyOf = (p: Pick<PlatformInput, 'kind' | 'regionCode' | 'name'>) => `${p.kind}|${p.regionCode}|${p.name}`;

export const platformImport: ImportSpec<PlatformInput, { agency: string | null }> = {
  kind: 'platform',
  permission: 'network.manage',
  noun: '阵地',
  columns: PLATFORM_COLUMNS,
  map: mapPlatformRow,

  async check(ctx, rows) {
    const valid = rows.filter((r) => r.input);
    await loadRegions(
      ctx,
      valid.map((r) => (r.input as PlatformInput).regionCode),
    );
    const refs = valid.flatMap((r) => (r.refs.agency ? [r.refs.agency] : []));
    const agencies = refs.length ? await agenciesInScopeByRef(ctx.deps.db, ctx.actor.scope, refs) : [];
    const inScopeRows = valid.filter((r) => isInScope(ctx.actor.scope, (r.input as PlatformInput).regionCode));
    const existing = await platformsByRegionAndName(
      ctx.deps.db,
      inScopeRows.map((r) => (r.input as PlatformInput).regionCode),
      inScopeRows.map((r) => (r.input as PlatformInput).name),
    );
    const existingByKey = new Map(existing.map((p) => [keyOf({ kind: p.kind as PlatformInput['kind'], regionCode: p.region_code, name: p.name }), p.id]));

    for (const r of valid) {
      const input = r.input as PlatformInput;
      const region = ctx.regions.get(input.regionCode);
      if (!isInScope(ctx.actor.scope, input.regionCode)) fail(r, REGION, '所在地区不在您的管辖范围内');
      else if (region?.status !== 'active') fail(r, REGION, '所在地区的区划代码不存在或已撤销');
      else {
        const levelError = kindLevelError(input.kind, region.level);
        if (levelError) fail(r, REGION, levelError);
      }
      if (r.refs.agency) {
        const ref = r.refs.agency;
        const byCode = agencies.filter((a) => a.credit_code === ref.toUpperCase());
        const byName = agencies.filter((a) => a.name === ref);
        const found = byCode.length ? byCode : byName;
        if (found.length === 0) fail(r, AGENCY, `运营机构“${ref}”未在系统中登记，或不在您的管辖范围内`);
        else if (found.length > 1) fail(r, AGENCY, `有多家名为“${ref}”的机构，请改填其统一社会信用代码`);
        else input.agencyId = found[0].id;
      }
      markDuplicate(ctx, r, keyOf(input), NAME, '同一地区、同一类型的阵地名称');
      r.existingId = existingByKey.get(keyOf(input)) ?? null;
      if (r.errors.length) r.input = null;
    }
  },

  holderOf: (trx, input) => platformIdByKey(trx, input.kind, input.regionCode, input.name),
  create: (trx, deps, actor, input) => createPlatformTx(trx, deps, actor, input),
  update: (trx, deps, actor, id, patch) => updatePlatformTx(trx, deps, actor, id, patch),
};
