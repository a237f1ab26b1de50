import { spawnSync } from 'node:child_process';

/** Builds web/dist when it is missing or stale, once before all browser tests. */
export default function setup(): void {
  // A production build, as `npm start` serves it: vitest sets NODE_ENV=test, which would build antd's
  // development mode (extra warnings, dev-only class names) into web/dist.
  const res = spawnSync('node', ['scripts/ensure-web-build.mjs'], { stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } });
  if (res.status !== 0) throw new Error('前端构建失败');
}
