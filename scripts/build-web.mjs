// Builds the web app (web/dist) when it is missing or older than its sources; `npm start` runs it first.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const newest = (dir) =>
  readdirSync(dir, { withFileTypes: true }).reduce((t, e) => {
    const p = join(dir, e.name);
    return Math.max(t, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }, 0);
const built = existsSync('web/dist/index.html') ? statSync('web/dist/index.html').mtimeMs : 0;
const sources = Math.max(
  newest('web/src'),
  statSync('web/index.html').mtimeMs,
  statSync('web/vite.config.ts').mtimeMs,
);
if (built > sources && process.argv[2] !== '--force') {
  console.error('Web app is up to date (web/dist).');
} else {
  console.error('Building the web app…');
  execFileSync(
    process.execPath,
    ['node_modules/vite/bin/vite.js', 'build', 'web', '--logLevel', 'warn'],
    { stdio: 'inherit' },
  );
}
