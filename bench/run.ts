/**
 * `npm run bench`: every benchmark, one after another, each in its own process so none warms another's caches.
 * The highlighting benchmark runs last: its closing `bench:` line is the run's last line.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '..');
const parts = ['references.ts', 'store.ts', 'store-browser.ts', 'big-briefing.mjs', 'topics.ts', 'highlight.ts'].filter(
  (f) => fs.existsSync(path.join(ROOT, 'bench', f)),
);

if (!fs.existsSync(path.join(ROOT, '.output/chrome-mv3/manifest.json'))) {
  const build = spawnSync('npm', ['run', '--silent', 'build'], { cwd: ROOT, stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}
for (const part of parts) {
  console.log(`\n== ${part}`);
  const result = spawnSync(process.execPath, ['--import', 'tsx', path.join('bench', part)], {
    cwd: ROOT,
    stdio: 'inherit',
  });
  if (result.status !== 0) {
    console.error(`bench ${part} failed`);
    process.exit(result.status ?? 1);
  }
}
