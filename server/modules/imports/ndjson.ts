import fs from 'node:fs';
import readline from 'node:readline';

/** The objects of an NDJSON file, one by one (small files: errors, updates); nothing when it does not exist. */
export async function* readNdjson<T>(file: string): AsyncGenerator<T> {
  if (!fs.existsSync(file)) return;
  const lines = readline.createInterface({ input: fs.createReadStream(file), crlfDelay: Number.POSITIVE_INFINITY });
  for await (const line of lines) if (line) yield JSON.parse(line) as T;
}

/**
 * The non-empty lines of a large file, a chunk at a time (about 1 MiB of text each): one await per
 * chunk instead of one per line, which is what readline costs on 100,000 lines. Nothing when the
 * file does not exist.
 */
export async function* readLineChunks(file: string): AsyncGenerator<string[]> {
  if (!fs.existsSync(file)) return;
  const input = fs.createReadStream(file, { encoding: 'utf8', highWaterMark: 1024 * 1024 });
  let rest = '';
  for await (const chunk of input as AsyncIterable<string>) {
    const text = rest + chunk;
    const last = text.lastIndexOf('\n');
    if (last < 0) {
      rest = text;
      continue;
    }
    rest = text.slice(last + 1);
    yield text.slice(0, last).split('\n').filter(Boolean);
  }
  if (rest) yield [rest];
}
