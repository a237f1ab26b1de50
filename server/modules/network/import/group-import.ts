/** The community-group register's import rules (see import-spec.ts). */
import type { CommunityGroupInput } from '../../../../domain/network/community-group.schema.ts';
import { isInScope } from '../../../auth/scope.ts';
import { GROUP_COLUMNS } from '../../../io/xlsx/group-columns.ts';
import { headerOf } from '../../../io/xlsx/network-column.ts';
import { mapGroupRow } from '../../../io/xlsx/network-rows.ts';
import { createGroupTx, updateGroupTx } from '../../agencies/community-groups.service.ts';
import { groupIdByKey, groupsByRegionAndName, stationsInTownships } from '../network-files.repository.ts';
import { fail, type ImportSpec, loadRegions, markDuplicate } from './import-spec.ts';

const REGION = headerOf(GROUP_COLUMNS, 'regionCode');
const NAME = headerOf(GROUP_COLUMNS, 'name');
const INCUBATOR = headerOf(GROUP_COLUMNS, 'incubator');
/** The township (level 4) of a village or township code. */
const townshipOf = (code: string) => `${code.slice(0, 9)}000`;
const keyOf = (g: Pick<CommunityGroupInput, 'regionCode' | 'name'>) => `${g.regionCode}|${g.name}`;

export const groupImport: ImportSpec<CommunityGroupInput, { incubator: string | null }> = {
  kind: 'community_group',
  permission: 'network.manage',
  noun: '组织',
  columns: GROUP_COLUMNS,
  map: mapGroupRow,

  async check(ctx, rows) {
    const valid = rows.filter((r) => r.input);
    const inputs = () => valid.map((r) => r.input as CommunityGroupInput);
    await loadRegions(
      ctx,
      inputs().map((g) => g.regionCode),
    );
    const withIncubator = valid.filter((r) => r.refs.incubator);
    const stations = withIncubator.length
      ? await stationsInTownships(
          ctx.deps.db,
          ctx.actor.scope,
          withIncubator.map((r) => townshipOf((r.input as CommunityGroupInput).regionCode)),
        )
      : [];
    const inScopeInputs = inputs().filter((g) => isInScope(ctx.actor.scope, g.regionCode));
    const existing = new Map(
      (
        await groupsByRegionAndName(
          ctx.deps.db,
          inScopeInputs.map((g) => g.regionCode),
          inScopeInputs.map((g) => g.name),
        )
      ).map((g) => [keyOf({ regionCode: g.region_code, name: g.name }), g.id]),
    );
    for (const r of valid) {
      const input = r.input as CommunityGroupInput;
      const region = ctx.regions.get(input.regionCode);
      if (!isInScope(ctx.actor.scope, input.regionCode)) fail(r, REGION, '所在地区不在您的管辖范围内');
      else if (region?.status !== 'active') fail(r, REGION, '所在地区的区划代码不存在或已撤销');
      else if (region.level < 4) fail(r, REGION, '所在地区请填写到村(社区)或乡镇(街道)');
      if (r.refs.incubator) {
        const found = stations.filter((s) => s.region_code === townshipOf(input.regionCode) && s.name === r.refs.incubator);
        if (found.length === 1) input.incubatorId = found[0].id;
        else fail(r, INCUBATOR, `所在乡镇(街道)没有名为“${r.refs.incubator}”的社工站，请核对名称`);
      }
      markDuplicate(ctx, r, keyOf(input), NAME, '同一地区的组织名称');
      r.existingId = existing.get(keyOf(input)) ?? null;
      if (r.errors.length) r.input = null;
    }
  },

  holderOf: (trx, input) => groupIdByKey(trx, input.regionCode, input.name),
  create: (trx, deps, actor, input) => createGroupTx(trx, deps, actor, input),
  update: (trx, deps, actor, id, patch) => updateGroupTx(trx, deps, actor, id, patch),
};
