import fs from 'node:fs';
import { readLineChunks } from '../server/modules/talents/import/ndjson.ts';
import { TALENT_COLUMNS } from '../server/modules/talents/import/record-line.ts';
import { StatAccumulator } from '../server/modules/talents/talent-stats.ts';
const acc = new StatAccumulator();
let n = 0;
for await (const lines of readLineChunks('/tmp/importjob/records.ndjson')) for (const l of lines) { const [, , t] = JSON.parse(l); acc.add(Object.fromEntries(TALENT_COLUMNS.map((c, i) => [c, t[i]])) as any, 1); n++; }
const want = acc.deltas();
const got = new Map<string, number>(JSON.parse(fs.readFileSync('/tmp/importjob/stats.json', 'utf8')));
let diff = 0;
for (const [k, v] of want) if (got.get(k) !== v) diff++;
for (const [k] of got) if (!want.has(k)) diff++;
console.log({ rows: n, want: want.size, got: got.size, diff });
