import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ReadWorkbookOptions, readWorkbookRows } from './read-workbook.ts';
import { headerText, TALENT_COLUMNS } from './talent-columns.ts';
import { mapTalentRow } from './talent-row.ts';
import { addRows, collect, handWrittenXlsx, idOf, makeTmpDir, sampleTalentRow, writeSampleTalentFile, writeWorkbook } from './test-workbooks.ts';
import { WorkbookError } from './workbook-error.ts';

const HEADERS = TALENT_COLUMNS.map(headerText);
const MALE_ID = idOf('52010219900307001');
const FEMALE_ID = idOf('52010219850611002');
const options = { columns: TALENT_COLUMNS };

let dir: string;
beforeAll(() => {
  dir = makeTmpDir();
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** Reads a file and maps every row, as the import service will. */
async function importRows(file: string) {
  const book = await readWorkbookRows(file, options);
  const rows = await collect(book);
  return { book, rows, mapped: rows.map((r) => ({ rowNumber: r.rowNumber, ...mapTalentRow(r.cells) })) };
}

async function workbookError(file: string, extra: Partial<ReadWorkbookOptions> = {}): Promise<WorkbookError> {
  try {
    const book = await readWorkbookRows(file, { ...options, ...extra });
    await collect(book);
  } catch (err) {
    if (err instanceof WorkbookError) return err;
    throw err;
  }
  throw new Error('expected a WorkbookError');
}

describe('readWorkbookRows', () => {
  it('reads a good file: headers, row numbers, raw values', async () => {
    const file = await writeWorkbook(dir, 'good.xlsx', (wb) => {
      addRows(wb.addWorksheet('人才信息'), [HEADERS, sampleTalentRow(1), sampleTalentRow(2), sampleTalentRow(3)]);
    });
    const { book, rows, mapped } = await importRows(file);
    expect(book.sheetName).toBe('人才信息');
    expect(book.headerRowNumber).toBe(1);
    expect(book.headers).toEqual(HEADERS);
    expect(book.columnKeys).toEqual(TALENT_COLUMNS.map((c) => c.key));
    expect(rows.map((r) => r.rowNumber)).toEqual([2, 3, 4]);
    expect(rows[0].raw).toHaveLength(HEADERS.length);
    expect(rows[0].cells.name).toBe('测试1');
    expect(mapped.map((m) => m.errors)).toEqual([[], [], []]);
    expect(mapped[1].input?.categories).toEqual(['practice']);
    expect(book.progress()).toMatchObject({ rowsRead: 3, fraction: 1, done: true });
  });

  it('skips merged title rows above the header and reports Excel row numbers', async () => {
    const file = await writeWorkbook(dir, 'title.xlsx', (wb) => {
      const ws = wb.addWorksheet('Sheet1');
      ws.addRow(['2024年南明区社会工作人才登记表']);
      ws.mergeCells('A1:H1');
      ws.addRow(['填报单位：南明区民政局', null, null, '填报日期：2024-03-01']);
      ws.addRow([]);
      addRows(ws, [HEADERS, sampleTalentRow(7)]);
    });
    const { book, rows, mapped } = await importRows(file);
    expect(book.headerRowNumber).toBe(4);
    expect(rows.map((r) => r.rowNumber)).toEqual([5]);
    expect(mapped[0].errors).toEqual([]);
  });

  it('maps columns by header: shuffled, extra columns, aliases, sloppy headers', async () => {
    const file = await writeWorkbook(dir, 'shuffled.xlsx', (wb) => {
      addRows(wb.addWorksheet('名单'), [
        ['序号', ' 人才类别 ', '备注', '姓 名*', '身份证号', '区划代码', '现工作单位', '手机号', '籍贯（区划代码）'],
        [1, '研究人才', '无', '王五', MALE_ID, '520102001000', '贵州大学', '13900000000', '520102'],
      ]);
    });
    const { book, rows, mapped } = await importRows(file);
    expect(book.columnKeys).toEqual([null, 'categories', null, 'name', 'idNumber', 'regionCode', 'employer', 'phone', 'nativePlace']);
    expect(book.headers[3]).toBe('姓 名*');
    expect(Object.keys(rows[0].cells).sort()).toEqual(['categories', 'employer', 'idNumber', 'name', 'nativePlace', 'phone', 'regionCode']);
    expect(mapped[0].errors).toEqual([]);
    expect(mapped[0].input).toMatchObject({ name: '王五', employer: '贵州大学', phone: '13900000000', nativePlace: '520102000000', categories: ['research'] });
  });

  it('skips hidden and very hidden sheets', async () => {
    const file = await writeWorkbook(dir, 'hidden.xlsx', (wb) => {
      addRows(wb.addWorksheet('旧数据', { state: 'hidden' }), [HEADERS, sampleTalentRow(1)]);
      addRows(wb.addWorksheet('代码', { state: 'veryHidden' }), [['x']]);
      addRows(wb.addWorksheet('本次导入'), [HEADERS, sampleTalentRow(2), sampleTalentRow(3)]);
      addRows(wb.addWorksheet('第二张可见表'), [HEADERS, sampleTalentRow(4)]);
    });
    const { book, rows } = await importRows(file);
    expect(book.sheetName).toBe('本次导入');
    expect(rows.map((r) => r.cells.name)).toEqual(['测试2', '测试3']);
  });

  it("reads a minimal hand-written .xlsx (another producer's entry order, hidden first sheet)", async () => {
    const file = path.join(dir, 'streamed.xlsx');
    fs.writeFileSync(
      file,
      handWrittenXlsx([
        ['姓名', '身份证号码', '工作地区', '人才类别'],
        ['赵六', FEMALE_ID, 520102001000, '管理人才'],
      ]),
    );
    const { book, mapped } = await importRows(file);
    expect(book.sheetName).toBe('数据');
    expect(mapped).toEqual([expect.objectContaining({ rowNumber: 2, errors: [] })]);
    expect(mapped[0].input?.regionCode).toBe('520102001000');
  });

  it('reads a workbook without shared strings (inline strings only)', async () => {
    const file = path.join(dir, 'inline.xlsx');
    const wb = new ExcelJS.Workbook();
    addRows(wb.addWorksheet('a'), [HEADERS, sampleTalentRow(5)]);
    await wb.xlsx.writeFile(file, { useSharedStrings: false });
    const { mapped } = await importRows(file);
    expect(mapped).toEqual([expect.objectContaining({ rowNumber: 2, errors: [] })]);
  });

  it('reports a damaged worksheet instead of hanging', async () => {
    const good = handWrittenXlsx([
      ['姓名', '身份证号码', '工作地区', '人才类别'],
      ...Array.from({ length: 300 }, (_, i) => [`人员${i}`, FEMALE_ID, 520102001000, '管理人才']),
    ]);
    // Garble the compressed bytes in the middle of the last entry (the data sheet).
    const damaged = Buffer.from(good);
    const at = good.indexOf(Buffer.from('xl/worksheets/sheet2.xml')) + 100;
    for (let i = at; i < at + 40; i++) damaged[i] ^= 0x5a;
    const file = path.join(dir, 'damaged.xlsx');
    fs.writeFileSync(file, damaged);
    const err = await workbookError(file, { stallTimeoutMs: 5_000 });
    expect(err).toMatchObject({ code: 'CORRUPT', message: expect.stringContaining('无法读取') });
  });

  it('gives up on a worksheet the reader waits on forever', async () => {
    const good = handWrittenXlsx([['姓名', '身份证号码', '工作地区', '人才类别']]);
    // Local header of the data sheet: "size in a trailing descriptor" (bit 3) and no size; there is
    // no descriptor, so the zip reader keeps waiting for one.
    const stuck = Buffer.from(good);
    const header = good.indexOf(Buffer.from('xl/worksheets/sheet2.xml')) - 30;
    stuck.writeUInt16LE(stuck.readUInt16LE(header + 6) | 0x08, header + 6);
    stuck.writeUInt32LE(0, header + 18);
    const file = path.join(dir, 'stuck.xlsx');
    fs.writeFileSync(file, stuck);
    const started = Date.now();
    const err = await workbookError(file, { stallTimeoutMs: 1_000 });
    expect(err).toMatchObject({ code: 'CORRUPT', message: expect.stringContaining('读取超时') });
    expect(Date.now() - started).toBeLessThan(4_000);
  });

  it('cleans full-width characters and stray spaces', async () => {
    const fullWidth = [...MALE_ID].map((ch) => String.fromCharCode(ch.charCodeAt(0) + 0xfee0)).join('');
    const file = await writeWorkbook(dir, 'fullwidth.xlsx', (wb) => {
      addRows(wb.addWorksheet('a'), [
        HEADERS.slice(0, 10),
        [' 张三\u3000', ` ${fullWidth} `, ' 男 ', '１９９０－０３－０７', '汉', '', '１３８１２３４５６７８', 'Ｙ', '５２０１０２００１０００', '实务人才 '],
      ]);
    });
    const { mapped } = await importRows(file);
    expect(mapped[0].errors).toEqual([]);
    expect(mapped[0].input).toMatchObject({ name: '张三', idNumber: MALE_ID, phone: '13812345678', partyMember: true, regionCode: '520102001000' });
  });

  it('explains IDs stored as numbers; a 15-digit number is kept as text', async () => {
    const file = await writeWorkbook(dir, 'numbers.xlsx', (wb) => {
      addRows(wb.addWorksheet('a'), [
        ['姓名', '身份证号码', '工作地区', '人才类别'],
        ['甲', Number(MALE_ID.slice(0, 17)) * 10, 520102001000, '实务人才'],
        ['乙', 520102900307001, 520102001000, '实务人才'],
        ['丙', '5.20102E+17', 520102001000, '实务人才'],
      ]);
    });
    const { rows, mapped } = await importRows(file);
    expect(mapped[0].errors[0]).toMatchObject({ column: '身份证号码', message: expect.stringContaining('只保留 15 位有效数字') });
    expect(rows[1].cells.idNumber).toBe(520102900307001);
    expect(mapped[1].errors[0]).toMatchObject({ column: '身份证号码', message: expect.stringContaining('15位旧身份证号码') });
    expect(mapped[2].errors[0].message).toContain('科学计数法');
  });

  it('reads date cells, serials and text dates', async () => {
    const file = await writeWorkbook(dir, 'dates.xlsx', (wb) => {
      const ws = wb.addWorksheet('a');
      addRows(ws, [['姓名', '身份证号码', '工作地区', '人才类别', '入职日期', '出生日期']]);
      const dates: unknown[] = [new Date(Date.UTC(2015, 6, 1)), 42186, '2015/7/1', '2015.7.1', '2015年7月1日', '20150701', 20150701];
      dates.forEach((d) => {
        ws.addRow(['甲', MALE_ID, '520102001000', '实务人才', d, '1990-03-07']);
      });
      ws.getColumn(5).eachCell((cell, n) => {
        if (n === 2) cell.numFmt = 'yyyy-mm-dd';
      });
      ws.addRow(['乙', MALE_ID, '520102001000', '实务人才', '2015-02-30', 1990]);
    });
    const { rows, mapped } = await importRows(file);
    expect(rows[0].cells.employmentStart).toBeInstanceOf(Date);
    expect(mapped.slice(0, 7).map((m) => m.input?.employmentStart)).toEqual(Array(7).fill('2015-07-01'));
    expect(mapped[7].errors.map((e) => e.column)).toEqual(['出生日期', '入职日期']);
  });

  it('reports invalid codes, multi-valued cells and cross-check errors per row', async () => {
    const file = await writeWorkbook(dir, 'codes.xlsx', (wb) => {
      addRows(wb.addWorksheet('a'), [
        ['姓名', '身份证号码', '性别', '工作地区', '人才类别', '服务领域', '最高学历', '专业类别'],
        ['甲', FEMALE_ID, '男', '520102001000', '实务人才', '养老服务', '本科', '社会工作'],
        ['乙', MALE_ID, '男', '520102001000', '实务人才；研究人才，管理人才', '养老服务 儿童福利、医务社工', '硕士', '社会学'],
        ['丙', MALE_ID, '', '520102001000', '实务', '跳广场舞', '大学', '社会工作'],
      ]);
    });
    const { mapped } = await importRows(file);
    expect(mapped[0].errors).toEqual([{ column: '性别', message: expect.stringContaining('身份证号码显示性别为女') }]);
    expect(mapped[1].errors).toEqual([]);
    expect(mapped[1].input).toMatchObject({
      categories: ['practice', 'research', 'management'],
      fields: ['elderly', 'children', 'medical'],
      educations: [{ level: 'master', majorClass: 'sociology' }],
    });
    expect(mapped[2].errors.map((e) => e.column)).toEqual(['服务领域', '最高学历']);
  });

  it('skips empty and blank-looking rows', async () => {
    const file = await writeWorkbook(dir, 'blank.xlsx', (wb) => {
      const ws = wb.addWorksheet('a');
      addRows(ws, [HEADERS, sampleTalentRow(1), [], ['  ', '\u3000', null], sampleTalentRow(2)]);
      ws.getCell('A6').value = null;
      ws.getCell('AH7').value = '表格外的备注';
    });
    const { rows } = await importRows(file);
    expect(rows.map((r) => r.rowNumber)).toEqual([2, 5]);
  });

  it('refuses a file without a required column, listing what is missing', async () => {
    const file = await writeWorkbook(dir, 'missing.xlsx', (wb) => {
      addRows(wb.addWorksheet('a'), [
        ['姓名', '性别', '民族', '工作单位'],
        ['甲', '男', '汉族', '某单位'],
      ]);
    });
    const err = await workbookError(file);
    expect(err.code).toBe('MISSING_COLUMNS');
    expect(err.details).toEqual(['身份证号码', '工作地区(区划代码)', '人才类别']);
    expect(err.message).toContain('缺少必填列：身份证号码、工作地区(区划代码)、人才类别');
  });

  it('refuses a sheet without a header row and duplicated columns', async () => {
    const noHeader = await writeWorkbook(dir, 'noheader.xlsx', (wb) => {
      addRows(wb.addWorksheet('a'), [['张三', MALE_ID, '520102001000']]);
    });
    expect((await workbookError(noHeader)).code).toBe('NO_HEADER');
    const dup = await writeWorkbook(dir, 'dup.xlsx', (wb) => {
      addRows(wb.addWorksheet('a'), [['姓名', '身份证号码', '工作地区', '人才类别', '工作单位', '现工作单位']]);
    });
    const err = await workbookError(dup);
    expect(err.code).toBe('DUPLICATE_COLUMNS');
    expect(err.message).toContain('“工作单位”与“现工作单位”');
  });

  it('refuses files that are not .xlsx with a Chinese explanation', async () => {
    const write = (name: string, content: Buffer | string) => {
      const file = path.join(dir, name);
      fs.writeFileSync(file, content);
      return file;
    };
    const csv = write('renamed.xlsx', '姓名,身份证号码\n张三,520102199003070011\n');
    expect(await workbookError(csv)).toMatchObject({ code: 'NOT_XLSX', message: expect.stringContaining('另存为') });
    const xls = write('old.xlsx', Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504)]));
    expect(await workbookError(xls)).toMatchObject({ code: 'LEGACY_XLS', message: expect.stringContaining('.xls') });
    expect((await workbookError(write('empty.xlsx', ''))).code).toBe('EMPTY_FILE');
    expect((await workbookError(write('garbage.xlsx', Buffer.from('PK\u0003\u0004 definitely not a zip')))).code).toBe('CORRUPT');
    const good = fs.readFileSync(await writeWorkbook(dir, 'tobecut.xlsx', (wb) => addRows(wb.addWorksheet('a'), [HEADERS])));
    expect((await workbookError(write('truncated.xlsx', good.subarray(0, good.length >> 1)))).code).toBe('CORRUPT');
  });

  it('stops the worker when the reader is left early', async () => {
    const file = await writeWorkbook(dir, 'early.xlsx', (wb) => {
      addRows(wb.addWorksheet('a'), [HEADERS, ...Array.from({ length: 50 }, (_, i) => sampleTalentRow(i))]);
    });
    const book = await readWorkbookRows(file, { ...options, batchSize: 10 });
    let n = 0;
    for await (const _ of book) if (++n === 15) break;
    expect(n).toBe(15);
    await book.close();
  });

  it('reads 20,000 rows with progress', async () => {
    const file = path.join(dir, 'big.xlsx');
    await writeSampleTalentFile(file, 20_000);
    const fractions: number[] = [];
    const book = await readWorkbookRows(file, { ...options, onProgress: (p) => fractions.push(p.fraction ?? -1) });
    let count = 0;
    let invalid = 0;
    for await (const row of book) {
      count++;
      if (mapTalentRow(row.cells).errors.length) invalid++;
    }
    expect(count).toBe(20_000);
    expect(invalid).toBe(0);
    expect(fractions.length).toBeGreaterThan(10);
    expect(fractions.every((f, i) => f >= 0 && f <= 1 && (i === 0 || f >= fractions[i - 1]))).toBe(true);
    expect(fractions.at(-1)).toBe(1);
  });
});
