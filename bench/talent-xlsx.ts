import path from 'node:path';
import { pathToFileURL } from 'node:url';
import ExcelJS from 'exceljs';
import { ETHNIC_GROUPS } from '../domain/standards/code-lists.ts';
import {
  CERTIFICATE_LEVELS,
  codeName,
  DEGREES,
  EDUCATION_LEVELS,
  MAJOR_CLASSES,
  SERVICE_FIELDS,
  TALENT_CATEGORIES,
  TALENT_ROLES,
  TALENT_STATUSES,
  TEACHING_SUBJECTS,
  TITLE_LEVELS,
} from '../domain/talents/code-lists.ts';
import type { TalentInput } from '../domain/talents/talent.schema.ts';
import { certificateRank, highestEducation } from '../domain/talents/tier.ts';
import { placesOf, type RegionName, TalentGenerator, townshipWeight } from '../server/demo/talent-generator.ts';
import { readCsvRecords } from '../server/io/csv-lines.ts';
import { divisionDataDir } from '../server/io/region-loader.ts';
import { headerText, TALENT_COLUMNS, type TalentColumnKey } from '../server/io/xlsx/talent-columns.ts';

/**
 * A deterministic N-row talent spreadsheet in the import template's layout (for timing imports):
 * the demo generator's people, one row each with the highest education and certificate, written
 * with ExcelJS's streaming writer so 100,000 rows take little memory.
 *   npx tsx bench/talent-xlsx.ts out.xlsx 100000 [provinces=52]
 */
export interface TalentWorkbookOptions {
  rows: number;
  /** Two-digit provinces the talents work in (an importer's scope); default Guizhou. */
  provinces?: string[];
  seed?: number;
  /** Reference day of the generator; default today (UTC). */
  today?: string;
}

/** Levels 1–4 of the division table from the package the loader reads (no database needed). */
export async function divisionNames(): Promise<RegionName[]> {
  const dir = divisionDataDir();
  const out: RegionName[] = [];
  for (const [file, level] of [
    ['provinces.csv', 1],
    ['cities.csv', 2],
    ['areas.csv', 3],
    ['streets.csv', 4],
  ] as const) {
    for await (const r of readCsvRecords(path.join(dir, file))) {
      // As the loader does: 东莞/中山/儋州 appear again as counties (…00), 金门 as a township (…000).
      if ((level === 3 && r.code.endsWith('00')) || (level === 4 && r.code.endsWith('000'))) continue;
      out.push({ code: r.code.padEnd(12, '0'), name: r.name, level });
    }
  }
  return out;
}

const names = (list: readonly { code: string; name: string }[], codes: readonly string[]) => codes.map((c) => codeName(list, c)).join('、');
const yesNo = (b: boolean) => (b ? '是' : '否');

/** One spreadsheet row's cells by column key. */
export function talentCells(t: TalentInput): Record<TalentColumnKey, string | number | null> {
  const edu = highestEducation(t.educations);
  let cert: TalentInput['certificates'][number] | null = null;
  for (const c of t.certificates) if (!cert || certificateRank(c.level) > certificateRank(cert.level)) cert = c;
  return {
    name: t.name,
    idNumber: t.idNumber,
    sex: t.sex === '2' ? '女' : '男',
    birthDate: t.birthDate ?? null,
    ethnicity: codeName(ETHNIC_GROUPS, t.ethnicity),
    nativePlace: t.nativePlace,
    phone: t.phone,
    partyMember: yesNo(t.partyMember),
    regionCode: t.regionCode,
    categories: names(TALENT_CATEGORIES, t.categories),
    fields: names(SERVICE_FIELDS, t.fields),
    roles: names(TALENT_ROLES, t.roles),
    educationLevel: edu ? codeName(EDUCATION_LEVELS, edu.level) : null,
    school: edu?.school || null,
    majorClass: edu ? codeName(MAJOR_CLASSES, edu.majorClass) : null,
    major: edu?.major || null,
    graduationYear: edu?.graduationYear ?? null,
    degree: edu ? codeName(DEGREES, edu.degree) : null,
    titleLevel: codeName(TITLE_LEVELS, t.titleLevel),
    titleName: t.titleName || null,
    teachingSubject: codeName(TEACHING_SUBJECTS, t.teachingSubject),
    employer: t.employer || null,
    post: t.post || null,
    professionalPost: yesNo(t.professionalPost),
    employmentStart: t.employmentStart,
    certificateLevel: cert ? codeName(CERTIFICATE_LEVELS, cert.level) : null,
    certificateNo: cert?.certificateNo ?? null,
    certificateYear: cert?.obtainedYear ?? null,
    registeredOn: cert?.registeredOn ?? null,
    reregisteredOn: cert?.reregisteredOn ?? null,
    status: codeName(TALENT_STATUSES, t.status),
  };
}

/** Writes `opts.rows` generated talents to `file` (.xlsx); the same options give the same people. */
export async function writeTalentWorkbook(file: string, opts: TalentWorkbookOptions): Promise<void> {
  const provinces = opts.provinces ?? ['52'];
  const all = await divisionNames();
  const { places, counties } = placesOf(
    all.filter((r) => r.level === 3 || provinces.includes(r.code.slice(0, 2))),
    (t) => townshipWeight(t.code, 1),
  );
  const inScope = places.filter((p) => provinces.includes(p.code.slice(0, 2)));
  const gen = new TalentGenerator({ seed: opts.seed ?? 20_261_122, today: opts.today ?? new Date().toISOString().slice(0, 10), places: inScope, counties });
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: true, useStyles: false });
  const ws = wb.addWorksheet('人才信息');
  ws.addRow(TALENT_COLUMNS.map(headerText)).commit();
  for (let i = 0; i < opts.rows; i++) {
    const cells = talentCells(gen.next().input);
    ws.addRow(TALENT_COLUMNS.map((c) => cells[c.key])).commit();
  }
  ws.commit();
  await wb.commit();
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const [file = 'bench/results/talents.xlsx', rows = '100000', provinces = '52'] = process.argv.slice(2);
  const t0 = performance.now();
  await writeTalentWorkbook(file, { rows: Number(rows), provinces: provinces.split(',') });
  console.log(`已写入 ${file}:${Number(rows).toLocaleString('zh-CN')} 行,${Math.round(performance.now() - t0)} ms`);
}
