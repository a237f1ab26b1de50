#!/usr/bin/env node
// Builds the front end when web/dist is missing or older than its sources; silent otherwise.
// Used by `npm start` so a fresh checkout (or an edited web/src) serves an up-to-date UI.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const built = path.join(repo, 'web/dist/index.html');
const sources = ['web/src', 'web/index.html', 'web/vite.config.ts', 'domain'].map((p) => path.join(repo, p));

/** Newest modification time under a file or directory (0 when absent). */
function newest(p) {
  let stat;
  try {
    stat = fs.statSync(p);
  } catch {
    return 0;
  }
  if (!stat.isDirectory()) return stat.mtimeMs;
  let max = stat.mtimeMs;
  for (const entry of fs.readdirSync(p)) {
    if (entry === 'node_modules' || entry.startsWith('.')) continue;
    max = Math.max(max, newest(path.join(p, entry)));
  }
  return max;
}

const builtAt = fs.existsSync(built) ? fs.statSync(built).mtimeMs : 0;
const sourcesAt = Math.max(...sources.map(newest));
if (builtAt === 0 || builtAt < sourcesAt) {
  console.log(builtAt === 0 ? '前端尚未构建,正在构建 web/dist …' : '前端源码已更新,正在重新构建 web/dist …');
  const res = spawnSync('npx', ['vite', 'build', '--config', 'web/vite.config.ts'], { cwd: repo, stdio: 'inherit', shell: process.platform === 'win32' });
  if (res.status !== 0) {
    console.error('前端构建失败(见上方输出)。');
    process.exit(res.status ?? 1);
  }
}
