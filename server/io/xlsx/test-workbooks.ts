/** Test support (not a test): real .xlsx files built with ExcelJS in a temp folder. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import ExcelJS from 'exceljs';
import { checkCharOf } from '../../../domain/standards/id-number.ts';
import { headerText, TALENT_COLUMNS } from './talent-columns.ts';

/** A valid ID number from its first 17 digits (the 17th digit's parity is the sex: odd male, even female). */
export const idOf = (first17: string) => first17 + checkCharOf(first17);

export function makeTmpDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'xlsx-test-'));
}

/** Writes a workbook built by `build` to dir/name and returns the path. */
export async function writeWorkbook(dir: string, name: string, build: (wb: ExcelJS.Workbook) => void): Promise<string> {
  const wb = new ExcelJS.Workbook();
  build(wb);
  const file = path.join(dir, name);
  await wb.xlsx.writeFile(file);
  return file;
}

/** A sheet with the given rows (arrays from column A). */
export function addRows(ws: ExcelJS.Worksheet, rows: unknown[][]): void {
  for (const r of rows) ws.addRow(r);
}

/** Collects an async iterable. */
export async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const x of items) out.push(x);
  return out;
}

/** A writable file stream that has finished when the promise resolves. */
export function fileSink(file: string): { stream: fs.WriteStream; done: Promise<void> } {
  const stream = fs.createWriteStream(file);
  const done = new Promise<void>((resolve, reject) => {
    stream.on('close', resolve);
    stream.on('error', reject);
  });
  return { stream, done };
}

/** A ZIP of the given entries, in the given order (deflated). Lets a test choose the entry order ExcelJS never writes. */
export function zipOf(entries: readonly (readonly [name: string, content: string])[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, content] of entries) {
    const data = Buffer.from(content, 'utf8');
    const packed = zlib.deflateRawSync(data);
    const nameBuf = Buffer.from(name, 'utf8');
    const crc = zlib.crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(8, 8); // deflate
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBuf.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(packed.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBuf.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBuf, packed);
    centrals.push(central, nameBuf);
    offset += local.length + nameBuf.length + packed.length;
  }
  const dir = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(dir.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, dir, end]);
}

const xmlEscape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const colLetter = (i: number) => String.fromCharCode(65 + i);

/**
 * A minimal hand-written .xlsx whose shared strings and relationships come before the worksheets,
 * the order in which the reader streams sheets straight from the zip instead of spooling them. The
 * first sheet is hidden; the second holds `rows` (strings as shared strings, numbers as numbers).
 */
export function handWrittenXlsx(rows: readonly (readonly (string | number | null)[])[]): Buffer {
  const strings: string[] = [];
  const sheetData = rows
    .map((r, ri) => {
      const cells = r
        .map((v, ci) => {
          const ref = `${colLetter(ci)}${ri + 1}`;
          if (v === null) return '';
          if (typeof v === 'number') return `<c r="${ref}"><v>${v}</v></c>`;
          strings.push(v);
          return `<c r="${ref}" t="s"><v>${strings.length - 1}</v></c>`;
        })
        .join('');
      return `<row r="${ri + 1}">${cells}</row>`;
    })
    .join('');
  const ns = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
  const rel = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
  const sheet = (data: string) => `<?xml version="1.0" encoding="UTF-8"?><worksheet ${ns}><sheetData>${data}</sheetData></worksheet>`;
  return zipOf([
    [
      '[Content_Types].xml',
      '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/worksheets/sheet2.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>',
    ],
    [
      '_rels/.rels',
      `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${rel}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    ],
    [
      'xl/workbook.xml',
      `<?xml version="1.0" encoding="UTF-8"?><workbook ${ns} xmlns:r="${rel}"><sheets><sheet name="隐藏" sheetId="1" state="hidden" r:id="rId1"/><sheet name="数据" sheetId="2" r:id="rId2"/></sheets></workbook>`,
    ],
    [
      'xl/_rels/workbook.xml.rels',
      `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${rel}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${rel}/worksheet" Target="worksheets/sheet2.xml"/><Relationship Id="rId3" Type="${rel}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
    ],
    [
      'xl/sharedStrings.xml',
      `<?xml version="1.0" encoding="UTF-8"?><sst ${ns} count="${strings.length}" uniqueCount="${strings.length}">${strings.map((s) => `<si><t>${xmlEscape(s)}</t></si>`).join('')}</sst>`,
    ],
    [
      'xl/worksheets/sheet1.xml',
      sheet(
        '<row r="1"><c r="A1" t="inlineStr"><is><t>姓名</t></is></c><c r="B1" t="inlineStr"><is><t>身份证号码</t></is></c><c r="C1" t="inlineStr"><is><t>人才类别</t></is></c></row>',
      ),
    ],
    ['xl/worksheets/sheet2.xml', sheet(sheetData)],
  ]);
}

/** A plausible, valid talent row (raw values in TALENT_COLUMNS order), different for every i. */
export function sampleTalentRow(i: number): unknown[] {
  const birth = new Date(Date.UTC(1970, 0, 1) + (i % 10_000) * 86_400_000);
  const ymd = birth.toISOString().slice(0, 10).replace(/-/g, '');
  const id = idOf(`520102${ymd}${String(Math.floor(i / 10_000) % 1000).padStart(3, '0')}`);
  const female = Number(id[16]) % 2 === 0;
  const cert = i % 3 === 0;
  return [
    `测试${i}`,
    id,
    female ? '女' : '男',
    birth.toISOString().slice(0, 10),
    i % 5 === 0 ? '苗族' : '汉族',
    '520102000000',
    `138${String(i).padStart(8, '0')}`,
    i % 4 === 0 ? '是' : '否',
    '520102001000',
    i % 7 === 0 ? '实务人才、管理人才' : '实务人才',
    '养老服务、儿童福利',
    '网格员',
    '本科',
    '贵州大学',
    '社会工作',
    '社会工作',
    2010,
    '学士',
    '中级',
    '社会工作师',
    '不从事教学',
    '南明区社会工作服务中心',
    '社工',
    '是',
    '2015-07-01',
    cert ? '社会工作师' : null,
    cert ? `ZS${String(i).padStart(10, '0')}` : null,
    cert ? 2019 : null,
    cert ? '2019-12-01' : null,
    null,
    '在职在岗',
  ];
}

/** A big talent file written with the streaming writer (shared strings, as Excel does). */
export async function writeSampleTalentFile(file: string, rows: number): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: true, useStyles: false });
  const ws = wb.addWorksheet('人才信息');
  ws.addRow(TALENT_COLUMNS.map(headerText)).commit();
  for (let i = 0; i < rows; i++) ws.addRow(sampleTalentRow(i)).commit();
  ws.commit();
  await wb.commit();
}
