import fs from 'node:fs';
import path from 'node:path';
import { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { maskIdNumber } from '../../../domain/standards/id-number.ts';
import { SERVICE_FIELDS, toMask } from '../../../domain/talents/code-lists.ts';
import { readWorkbookRows } from './read-workbook.ts';
import { writeTableExport } from './table-export.ts';
import { headerText, TALENT_COLUMNS } from './talent-columns.ts';
import { type TalentExportRow, writeTalentExport } from './talent-export.ts';
import { mapTalentRow } from './talent-row.ts';
import { collect, fileSink, idOf, makeTmpDir } from './test-workbooks.ts';

const FEMALE_ID = idOf('52010219850611002');

let dir: string;
beforeAll(() => {
  dir = makeTmpDir();
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** A talent as the services hold it: codes, booleans, ISO dates. */
const stored: TalentExportRow = {
  name: '李四',
  idNumber: FEMALE_ID,
  sex: '2',
  birthDate: '1985-06-11',
  ethnicity: '06',
  nativePlace: '520102000000',
  phone: '13812345678',
  partyMember: true,
  regionCode: '520102001000',
  categories: ['practice', 'management'],
  fields: toMask(SERVICE_FIELDS, ['elderly', 'children']),
  roles: [],
  educationLevel: 'bachelor',
  school: '贵州大学',
  majorClass: 'social_work',
  major: '社会工作',
  graduationYear: 2008,
  degree: 'bachelor',
  titleLevel: 'intermediate',
  titleName: '社会工作师',
  teachingSubject: 'none',
  employer: '南明区社会工作服务中心',
  post: '社工',
  professionalPost: false,
  employmentStart: '2010-07-01',
  certificateLevel: 'intermediate',
  certificateNo: '2019052000123',
  certificateYear: 2019,
  registeredOn: '2019-12-01',
  reregisteredOn: null,
  status: 'active',
};

async function exportTo(name: string, rows: TalentExportRow[], options?: Parameters<typeof writeTalentExport>[2]): Promise<string> {
  const file = path.join(dir, name);
  const sink = fileSink(file);
  const result = await writeTalentExport(sink.stream, rows, options);
  await sink.done;
  expect(result.rows).toBe(rows.length);
  return file;
}

describe('writeTalentExport', () => {
  it('writes names instead of codes, with the template headers', async () => {
    const file = await exportTo('export.xlsx', [{ ...stored, idNumber: maskIdNumber(FEMALE_ID), phone: '138****5678' }]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const ws = wb.worksheets[0];
    expect(ws.name).toBe('人才信息');
    expect(ws.getRow(1).values).toEqual([undefined, ...TALENT_COLUMNS.map(headerText)]);
    const row = Object.fromEntries(TALENT_COLUMNS.map((c, i) => [c.key, ws.getRow(2).getCell(i + 1).value]));
    expect(row).toMatchObject({
      idNumber: '5201**********002X'.slice(0, 4) + row.idNumber?.toString().slice(4),
      sex: '女',
      ethnicity: '苗族',
      partyMember: '是',
      categories: '实务人才、管理人才',
      fields: '养老服务、儿童福利',
      educationLevel: '本科',
      majorClass: '社会工作',
      titleLevel: '中级',
      professionalPost: '否',
      certificateLevel: '社会工作师',
      status: '在职在岗',
      graduationYear: 2008,
    });
    expect(String(row.idNumber)).toMatch(/^5201\*+/);
    expect(row.roles).toBeNull();
    expect(ws.getColumn(2).numFmt).toBe('@');
  });

  it('an unmasked export imports back to the same talent', async () => {
    const file = await exportTo('roundtrip.xlsx', [stored]);
    const [row] = await collect(await readWorkbookRows(file, { columns: TALENT_COLUMNS }));
    const { input, errors } = mapTalentRow(row.cells);
    expect(errors).toEqual([]);
    expect(input).toMatchObject({
      name: '李四',
      idNumber: FEMALE_ID,
      sex: '2',
      ethnicity: '06',
      partyMember: true,
      categories: ['practice', 'management'],
      fields: ['elderly', 'children'],
      educations: [{ level: 'bachelor', majorClass: 'social_work', graduationYear: 2008, degree: 'bachelor' }],
      certificates: [{ level: 'intermediate', certificateNo: '2019052000123', obtainedYear: 2019, registeredOn: '2019-12-01' }],
    });
  });

  it('writes a subset of columns plus extra ones', async () => {
    const file = await exportTo('subset.xlsx', [{ ...stored, regionName: '贵州省贵阳市南明区' }], {
      columns: ['name', 'regionCode'],
      extraColumns: [{ header: '工作地区名称', key: 'regionName', width: 30 }],
      sheetName: '人才名单 2024/03',
    });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const ws = wb.worksheets[0];
    expect(ws.name).toBe('人才名单 2024 03');
    expect(ws.getRow(1).values).toEqual([undefined, '姓名*', '工作地区(区划代码)*', '工作地区名称']);
    expect(ws.getRow(2).values).toEqual([undefined, '李四', '520102001000', '贵州省贵阳市南明区']);
  });

  it('waits for a stalled receiver instead of buffering the whole file', async () => {
    const held: (() => void)[] = [];
    const stalled = new Writable({
      highWaterMark: 64 * 1024,
      write(_chunk, _enc, done) {
        held.push(done);
      },
    });
    let pulled = 0;
    const total = 30_000;
    async function* rows() {
      for (let i = 0; i < total; i++) {
        pulled++;
        // Hard to compress, so the receiver's buffer fills up early.
        yield { ...stored, name: `人员${i}`, employer: Math.random().toString(36).repeat(4) };
      }
    }
    const writing = writeTalentExport(stalled, rows());
    let before = -1;
    while (pulled !== before) {
      before = pulled;
      await new Promise((r) => setTimeout(r, 200));
    }
    expect(pulled).toBeLessThan(total / 2);
    // Releasing the receiver lets the export finish.
    const pump = setInterval(() => {
      for (const done of held.splice(0)) done();
    }, 1);
    const result = await writing;
    clearInterval(pump);
    expect(result.rows).toBe(total);
  });

  it('stops when the receiver goes away', async () => {
    const gone = new Writable({
      write(_chunk, _enc, done) {
        done();
      },
    });
    async function* rows() {
      for (let i = 0; i < 10_000; i++) {
        if (i === 500) gone.destroy();
        yield stored;
      }
    }
    await expect(writeTalentExport(gone, rows())).rejects.toThrow('output stream closed');
  });
});

describe('writeTableExport', () => {
  it('writes a title, a header and the rows', async () => {
    const file = path.join(dir, 'table.xlsx');
    const sink = fileSink(file);
    await writeTableExport(
      sink.stream,
      '各区县社工人才数量',
      [
        { header: '地区', key: 'region' },
        { header: '人数', key: 'count', numFmt: '#,##0' },
        { header: '占比', key: 'share', numFmt: '0.0%' },
      ],
      [
        { region: '南明区', count: 1234, share: 0.25 },
        { region: '云岩区', count: 3702, share: 0.75 },
      ],
    );
    await sink.done;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const ws = wb.worksheets[0];
    expect(ws.name).toBe('各区县社工人才数量');
    expect(ws.getCell('A1').value).toBe('各区县社工人才数量');
    expect(ws.getCell('A1').isMerged).toBe(true);
    expect(ws.getRow(2).values).toEqual([undefined, '地区', '人数', '占比']);
    expect(ws.getRow(4).values).toEqual([undefined, '云岩区', 3702, 0.75]);
    expect(ws.getCell('B3').numFmt).toBe('#,##0');
  });
});
