/**
 * Fails when package-lock.json does not describe package.json: the same check `npm ci` makes before it installs, run
 * in `npm test` so a drifted lock fails here instead of being rewritten by the next `npm install`.
 * It compares what package.json asks for (dependencies, devDependencies, engines) with the lock's root entry, and
 * checks that every locked package sits in the lock with a version and an integrity hash.
 */
import fs from 'node:fs';

const pkg = JSON.parse(fs.readFileSync('package.json', 'utf8'));
const lock = JSON.parse(fs.readFileSync('package-lock.json', 'utf8'));
const root = lock.packages?.[''] ?? {};
const problems = [];

if (lock.lockfileVersion !== 3) problems.push(`lockfileVersion is ${lock.lockfileVersion}, expected 3`);
for (const field of ['dependencies', 'devDependencies', 'optionalDependencies', 'engines']) {
  const want = pkg[field] ?? {};
  const have = root[field] ?? {};
  for (const name of new Set([...Object.keys(want), ...Object.keys(have)])) {
    if (want[name] !== have[name]) {
      problems.push(
        `${field}.${name}: package.json says ${want[name] ?? '(absent)'}, the lock says ${have[name] ?? '(absent)'}`,
      );
    }
  }
}
for (const name of [...Object.keys(pkg.dependencies ?? {}), ...Object.keys(pkg.devDependencies ?? {})]) {
  const entry = lock.packages?.[`node_modules/${name}`];
  if (!entry?.version) problems.push(`${name} is in package.json but not installed by the lock`);
}
for (const [where, entry] of Object.entries(lock.packages ?? {})) {
  if (where === '' || entry.link) continue;
  if (!entry.version || (!entry.integrity && !entry.inBundle))
    problems.push(`${where}: locked without a version or integrity`);
}

if (problems.length) {
  console.error(
    `package-lock.json does not match package.json (run \`npm install\` and commit the lock):\n  ${problems.join('\n  ')}`,
  );
  process.exit(1);
}
console.log(`lock: package-lock.json matches package.json (${Object.keys(lock.packages).length - 1} packages)`);
