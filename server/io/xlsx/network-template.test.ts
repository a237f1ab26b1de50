import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { headerText } from './network-column.ts';
import { writeNetworkExport } from './network-export.ts';
import { buildNetworkTemplate, NETWORK_SHEETS, type NetworkSheetKind } from './network-template.ts';

const KINDS: NetworkSheetKind[] = ['platform', 'agency', 'community_group'];

async function collect(out: PassThrough): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of out) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

describe.each(KINDS)('%s template and export', (kind) => {
  const sheet = NETWORK_SHEETS[kind];

  it('has the header row, the instructions, a hidden code sheet and drop-downs on coded columns', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await buildNetworkTemplate(kind).xlsx.writeBuffer()) as ArrayBuffer);
    const data = wb.getWorksheet(sheet.sheetName);
    expect(data?.getRow(1).values).toEqual([undefined, ...sheet.columns.map(headerText)]);
    expect(wb.getWorksheet('填写说明')?.rowCount).toBeGreaterThan(sheet.columns.length + sheet.rules.length);
    expect(wb.getWorksheet('代码表')?.state).toBe('hidden');
    const coded = sheet.columns.findIndex((c) => c.kind === 'code');
    const letter = String.fromCharCode(65 + coded);
    const validation = (data as unknown as { dataValidations: { model: Record<string, { type: string }> } }).dataValidations.model;
    expect(Object.entries(validation).find(([range]) => range.startsWith(`${letter}2`))?.[1].type).toBe('list');
  });

  it('exports stored values as the names the template offers, with extra columns after', async () => {
    const out = new PassThrough();
    const done = collect(out);
    const first = sheet.columns[0];
    await writeNetworkExport(
      out,
      kind,
      [{ [first.key]: first.kind === 'code' ? first.codeList?.[0].code : '名称', regionName: '贵阳市 / 南明区' }],
      [{ header: '所在地区名称', key: 'regionName' }],
    );
    out.end();
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await done) as unknown as ArrayBuffer);
    const row = wb.worksheets[0].getRow(2).values as unknown[];
    expect(row[1]).toBe(first.kind === 'code' ? first.codeList?.[0].name : '名称');
    expect(row[sheet.columns.length + 1]).toBe('贵阳市 / 南明区');
  });
});
