import fs from 'node:fs';
import inspector from 'node:inspector/promises';
import { readWorkbookRows } from '../server/io/xlsx/read-workbook.ts';
import { TALENT_COLUMNS } from '../server/io/xlsx/talent-columns.ts';
import { mapTalentRow } from '../server/io/xlsx/talent-row.ts';
const rows = await readWorkbookRows('bench/results/talents-100000.xlsx', { columns: TALENT_COLUMNS });
const got: any[] = [];
for await (const r of rows) { got.push(r); if (got.length >= 20000) break; }
await rows.close();
for (let k = 0; k < 2; k++) for (const r of got) mapTalentRow(r.cells);
const s = new inspector.Session(); s.connect(); await s.post('Profiler.enable'); await s.post('Profiler.setSamplingInterval', { interval: 100 }); await s.post('Profiler.start');
const t = performance.now();
for (let k = 0; k < 3; k++) for (const r of got) mapTalentRow(r.cells);
console.log('µs/row', ((performance.now() - t) * 1000 / got.length / 3).toFixed(1));
const { profile } = await s.post('Profiler.stop');
fs.writeFileSync('/tmp/prof/map.cpuprofile', JSON.stringify(profile));
