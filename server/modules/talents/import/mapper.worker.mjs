/**
 * Entry of the import's row-mapping thread. The mapping code is TypeScript shared with the rest of
 * the server (talent-row.ts, talent-record.ts), so the thread first installs tsx's loader: a worker
 * does not get the parent's loaders (vitest's, or the `tsx` command's), and Node 20 ignores
 * `--import tsx` in a worker's execArgv.
 */
import { register } from 'tsx/esm/api';

register();
await import('./mapper.thread.ts');
