/** The agency register's import rules (see import-spec.ts). */
import { hasPermission } from '../../../../domain/auth/roles.ts';
import type { AgencyInput } from '../../../../domain/network/agency.schema.ts';
import { isWithin } from '../../../../domain/standards/region-code.ts';
import { isInScope } from '../../../auth/scope.ts';
import { AGENCY_COLUMNS } from '../../../io/xlsx/agency-columns.ts';
import { headerOf } from '../../../io/xlsx/network-column.ts';
import { type AgencyRefs, mapAgencyRow } from '../../../io/xlsx/network-rows.ts';
import { createAgencyTx, updateAgencyTx } from '../../agencies/agencies.service.ts';
import { agenciesByCreditCode, agencyIdByCreditCode } from '../network-files.repository.ts';
import { fail, type ImportSpec, loadRegions, markDuplicate } from './import-spec.ts';

const REGION = headerOf(AGENCY_COLUMNS, 'regionCode');
const CODE = headerOf(AGENCY_COLUMNS, 'creditCode');

export const agencyImport: ImportSpec<AgencyInput, AgencyRefs> = {
  kind: 'agency',
  permission: 'agency.manage',
  noun: '机构',
  columns: AGENCY_COLUMNS,
  map: mapAgencyRow,

  async check(ctx, rows) {
    const valid = rows.filter((r) => r.input);
    await loadRegions(
      ctx,
      valid.map((r) => (r.input as AgencyInput).regionCode),
    );
    const existing = new Map(
      (
        await agenciesByCreditCode(
          ctx.deps.db,
          valid.map((r) => (r.input as AgencyInput).creditCode),
        )
      ).map((a) => [a.credit_code, a]),
    );
    const mayOverride = hasPermission(ctx.actor.role, 'agency.override');
    for (const r of valid) {
      const input = r.input as AgencyInput;
      const region = ctx.regions.get(input.regionCode);
      if (!isInScope(ctx.actor.scope, input.regionCode)) fail(r, REGION, '所在地区不在您的管辖范围内');
      else if (region?.status !== 'active') fail(r, REGION, '所在地区的区划代码不存在或已撤销');
      // A wrong check character is kept only on an administrator's explicit word (audited by the service).
      if (r.refs.creditWarning) {
        if (!r.refs.confirmCheck) fail(r, CODE, `${r.refs.creditWarning}（核实无误后，管理员可在“校验位确认”列填“是”）`);
        else if (!mayOverride) fail(r, CODE, `${r.refs.creditWarning}（只有管理员可以确认保留校验位不符的代码）`);
        else input.overrideCreditCheck = true;
      }
      markDuplicate(ctx, r, input.creditCode, CODE, '的统一社会信用代码');
      const e = existing.get(input.creditCode);
      if (e && !isWithin(e.region_code, ctx.actor.scope.regionCode)) fail(r, CODE, '该统一社会信用代码已由其他地区登记，不能导入');
      else r.existingId = e?.id ?? null;
      if (r.errors.length) r.input = null;
    }
  },

  holderOf: (trx, input) => agencyIdByCreditCode(trx, input.creditCode),
  create: (trx, deps, actor, input) => createAgencyTx(trx, deps, actor, input),
  update: (trx, deps, actor, id, patch) => updateAgencyTx(trx, deps, actor, id, patch),
};
