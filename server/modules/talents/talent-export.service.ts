import type { Writable } from 'node:stream';
import { AGE_BANDS, codeName, EDUCATION_LEVELS, SERVICE_FIELDS, TALENT_CATEGORIES, TALENT_ROLES, TIERS } from '../../../domain/talents/code-lists.ts';
import { trackedCertificate } from '../../../domain/talents/continuing-education.ts';
import { highestEducation } from '../../../domain/talents/tier.ts';
import type { Scope } from '../../auth/scope.ts';
import { chinaToday } from '../../clock.ts';
import type { Actor, Deps } from '../../context.ts';
import { writeTableExport, writeTalentExport } from '../../io/xlsx/talent-export.ts';
import { writeTalentTemplate } from '../../io/xlsx/talent-template.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { type TalentAnalytics, talentAnalytics } from './analytics.service.ts';
import { storedInput } from './talent-views.ts';
import * as repo from './talents.repository.ts';
import { idHashOfQuery } from './talents.service.ts';

export async function writeTemplate(out: Writable) {
  await writeTalentTemplate(out);
}

/**
 * Exports exactly the filtered list, in list order, streamed page by page (a province's 100,000 rows
 * never sit in memory). Identity is masked unless the caller asked for and may see full numbers;
 * the export itself is audited either way.
 */
export async function exportTalents(deps: Deps, actor: Actor, filter: repo.TalentFilter, reveal: boolean, out: Writable) {
  const today = chinaToday(deps.clock);
  let count = 0;
  async function* rows() {
    for await (const page of repo.iterateTalents(deps.db, actor.scope, filter, today, idHashOfQuery(deps, filter.q))) {
      if (!page.length) continue;
      const ids = page.map((r) => r.id);
      const [certs, edus] = await Promise.all([
        deps.db.selectFrom('talent_certificates').selectAll().where('talent_id', 'in', ids).execute(),
        deps.db.selectFrom('talent_educations').selectAll().where('talent_id', 'in', ids).execute(),
      ]);
      for (const r of page) {
        const input = storedInput(
          r,
          {
            certificates: certs.filter((c) => c.talent_id === r.id),
            educations: edus.filter((e) => e.talent_id === r.id),
            employments: [],
            trainings: [],
            honours: [],
            dispatches: [],
          },
          // Decrypting only when revealing keeps masked exports from touching plaintext at all.
          reveal ? deps.crypto : { ...deps.crypto, decrypt: () => '' },
        );
        const edu = highestEducation(input.educations);
        const cert = trackedCertificate(input.certificates) ?? input.certificates.slice().sort((a, b) => b.level.localeCompare(a.level))[0] ?? null;
        count++;
        yield {
          name: r.name,
          idNumber: reveal ? input.idNumber : r.id_masked,
          sex: r.sex,
          birthDate: r.birth_date,
          ethnicity: r.ethnicity,
          nativePlace: r.native_place,
          phone: reveal ? input.phone : r.phone_masked,
          partyMember: r.party_member === 1,
          regionCode: r.region_code,
          categories: input.categories,
          fields: input.fields,
          roles: input.roles,
          educationLevel: edu?.level ?? null,
          school: edu?.school ?? null,
          majorClass: edu?.majorClass ?? null,
          major: edu?.major ?? null,
          graduationYear: edu?.graduationYear ?? null,
          degree: edu?.degree ?? null,
          titleLevel: r.title_level,
          titleName: r.title_name,
          teachingSubject: r.teaching_subject,
          employer: r.employer,
          post: r.post,
          professionalPost: r.professional_post === 1,
          employmentStart: r.employment_start,
          certificateLevel: cert?.level ?? null,
          certificateNo: cert?.certificateNo ?? null,
          certificateYear: cert?.obtainedYear ?? null,
          registeredOn: cert?.registeredOn ?? null,
          reregisteredOn: cert?.reregisteredOn ?? null,
          status: r.status,
        };
      }
    }
  }
  await writeTalentExport(out, rows());
  await recordAudit(deps.db, deps, actor, {
    action: 'export',
    entityType: 'talent',
    entityId: null,
    entityLabel: reveal ? '人才名册(含完整身份证号码)' : '人才名册',
    regionCode: actor.scope.regionCode,
    changes: { rows: [null, count], filter: [null, filter], revealed: [null, reveal] },
  });
}

/**
 * The analytics tables of a region as one workbook (each breakdown a block of rows). The figures are
 * computed before the download starts, so a refused region is an ordinary error, not a broken stream.
 */
export async function analyticsWorkbook(deps: Deps, scope: Scope, regionCode: string | undefined) {
  const a = await talentAnalytics(deps, scope, regionCode, undefined);
  return { fileName: `${a.region.name}社会工作人才结构分析.xlsx`, write: (out: Writable) => writeAnalytics(a, out) };
}

async function writeAnalytics(a: TalentAnalytics, out: Writable) {
  const share = (n: number) => (a.totals.total ? `${((n / a.totals.total) * 100).toFixed(1)}%` : '');
  const rows: Record<string, unknown>[] = [];
  const block = (title: string, items: { label: string; n: number }[]) => {
    rows.push({ group: title, item: '', n: null, share: '' });
    for (const i of items) rows.push({ group: '', item: i.label, n: i.n, share: share(i.n) });
  };
  block('总体', [
    { label: '人才总数', n: a.totals.total },
    { label: '持证人数', n: a.totals.certified },
    { label: '重点人才', n: a.totals.key },
    { label: '中共党员', n: a.totals.party },
    { label: '社会工作专业毕业', n: a.totals.swGraduate },
    { label: '社会工作专业岗位', n: a.totals.professionalPost },
    { label: '青年(35岁及以下)', n: a.totals.youth },
  ]);
  block(
    '证书等级',
    a.byTier.map((b) => ({ label: codeName(TIERS, b.code), n: b.n })),
  );
  block(
    '人才类别',
    a.byCategory.map((b) => ({ label: codeName(TALENT_CATEGORIES, b.code), n: b.n })),
  );
  block(
    '服务领域',
    a.byField.map((b) => ({ label: codeName(SERVICE_FIELDS, b.code), n: b.n })),
  );
  block(
    '人员身份',
    a.byRole.map((b) => ({ label: codeName(TALENT_ROLES, b.code), n: b.n })),
  );
  block(
    '城乡',
    a.byUrbanRural.map((b) => ({ label: { urban: '城镇', rural: '乡村', unknown: '未区分' }[b.code] ?? b.code, n: b.n })),
  );
  block(
    '年龄段',
    a.byAgeBand.map((b) => ({ label: codeName(AGE_BANDS, b.code), n: b.n })),
  );
  block(
    '性别',
    a.bySex.map((b) => ({ label: b.code === '1' ? '男' : '女', n: b.n })),
  );
  block(
    '学历',
    a.byEducation.map((b) => ({ label: codeName(EDUCATION_LEVELS, b.code) || '未填写', n: b.n })),
  );
  block(
    '下级地区',
    a.children.map((c) => ({ label: c.name, n: c.total })),
  );
  await writeTableExport(
    out,
    `${a.region.name}社会工作人才结构(截至 ${a.asOf})`,
    [
      { header: '分类', key: 'group', width: 14 },
      { header: '项目', key: 'item', width: 24 },
      { header: '人数', key: 'n', width: 12 },
      { header: '占比', key: 'share', width: 10 },
    ],
    (async function* () {
      yield* rows;
    })(),
  );
}
