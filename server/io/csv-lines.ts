import fs from 'node:fs';
import readline from 'node:readline';

/** Splits one CSV line into fields (quoted fields may hold commas and doubled quotes). */
export function parseCsvLine(line: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        cur += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cur += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      out.push(cur);
      cur = '';
    } else cur += ch;
  }
  out.push(cur);
  return out;
}

/** Streams a CSV file with a header row as records, one line in memory at a time. */
export async function* readCsvRecords(file: string): AsyncGenerator<Record<string, string>> {
  const rl = readline.createInterface({ input: fs.createReadStream(file, 'utf8'), crlfDelay: Number.POSITIVE_INFINITY });
  let header: string[] | null = null;
  for await (const line of rl) {
    if (!line.trim()) continue;
    const fields = parseCsvLine(line.replace(/^\uFEFF/, ''));
    if (!header) {
      header = fields;
      continue;
    }
    const rec: Record<string, string> = {};
    header.forEach((h, i) => {
      rec[h] = fields[i] ?? '';
    });
    yield rec;
  }
}
