// Builds the web app (web/dist) when it is missing or older than its sources; `npm start` runs it first.
// Then writes a brotli (`.br`) and a gzip (`.gz`) copy beside each compressible file of web/dist, which
// the server sends to browsers that accept them (@fastify/static's `preCompressed`): compressed once
// here at the highest levels, never per request.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const DIST = 'web/dist';
const COMPRESSIBLE = /\.(js|mjs|css|html|svg|json|webmanifest|txt)$/;

const newest = (dir) =>
  readdirSync(dir, { withFileTypes: true }).reduce((t, e) => {
    const p = join(dir, e.name);
    return Math.max(t, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }, 0);
const built = existsSync(`${DIST}/index.html`) ? statSync(`${DIST}/index.html`).mtimeMs : 0;
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

/** The served files of `dir` (dot folders such as Vite's `.vite/` are not served). */
const servedFiles = (dir) =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    if (e.name.startsWith('.')) return [];
    const p = join(dir, e.name);
    return e.isDirectory() ? servedFiles(p) : [p];
  });

const ENCODINGS = [
  [
    '.br',
    (data) =>
      brotliCompressSync(data, {
        params: {
          [constants.BROTLI_PARAM_QUALITY]: 11,
          [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
          [constants.BROTLI_PARAM_SIZE_HINT]: data.length,
        },
      }),
  ],
  ['.gz', (data) => gzipSync(data, { level: 9 })],
];

let written = 0;
let before = 0;
let after = 0;
for (const file of servedFiles(DIST).filter((f) => COMPRESSIBLE.test(f))) {
  const mtime = statSync(file).mtimeMs;
  let data;
  for (const [ext, compress] of ENCODINGS) {
    const target = file + ext;
    if (existsSync(target) && statSync(target).mtimeMs >= mtime) continue;
    data ??= readFileSync(file);
    const packed = compress(data);
    // A tiny file can grow when compressed: then the browser gets the file itself.
    if (packed.length >= data.length) {
      rmSync(target, { force: true });
      continue;
    }
    writeFileSync(target, packed);
    written += 1;
    if (ext === '.br') {
      before += data.length;
      after += packed.length;
    }
  }
}
if (written > 0) {
  const kb = (n) => `${(n / 1024).toFixed(0)} KB`;
  console.error(
    `Compressed ${written} files of ${DIST} (brotli: ${kb(before)} → ${kb(after)}; and gzip).`,
  );
}
