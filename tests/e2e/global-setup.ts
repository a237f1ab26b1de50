import { spawnSync } from 'node:child_process';

/** Builds web/dist when it is missing or stale, once before all browser tests. */
export default function setup(): void {
  const res = spawnSync('node', ['scripts/ensure-web-build.mjs'], { stdio: 'inherit' });
  if (res.status !== 0) throw new Error('前端构建失败');
}
