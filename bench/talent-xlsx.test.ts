import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { matchTalentHeader, type TalentColumnKey } from '../server/io/xlsx/talent-columns.ts';
import { mapTalentRow } from '../server/io/xlsx/talent-row.ts';
import { writeTalentWorkbook } from './talent-xlsx.ts';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'talent-xlsx-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('generated talent workbook', () => {
  it('is read back by the import mapping without errors, the same for the same options', async () => {
    const file = path.join(dir, 'a.xlsx');
    await writeTalentWorkbook(file, { rows: 300, today: '2026-06-01' });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const ws = wb.worksheets[0];
    const keys = (ws.getRow(1).values as unknown[]).slice(1).map((h) => matchTalentHeader(String(h)) as TalentColumnKey);
    expect(keys.every(Boolean)).toBe(true);
    const ids = new Set<string>();
    for (let r = 2; r <= ws.rowCount; r++) {
      const values = (ws.getRow(r).values as unknown[]).slice(1);
      const mapped = mapTalentRow(Object.fromEntries(keys.map((k, i) => [k, values[i] ?? null])));
      expect(mapped.errors).toEqual([]);
      expect(mapped.input?.regionCode.startsWith('52')).toBe(true);
      ids.add(mapped.input?.idNumber as string);
    }
    expect(ids.size).toBe(300);
    const again = path.join(dir, 'b.xlsx');
    await writeTalentWorkbook(again, { rows: 300, today: '2026-06-01' });
    const wb2 = new ExcelJS.Workbook();
    await wb2.xlsx.readFile(again);
    expect(wb2.worksheets[0].getRow(77).values).toEqual(ws.getRow(77).values);
  });
});
