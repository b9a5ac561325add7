/**
 * The JavaScript a phone downloads before a screen works: the entry chunk, its static imports, and
 * the screen's lazily loaded chunk with its own static imports, gzipped. Reads Vite's manifest of
 * web/dist (run `npm run build` first). `npx tsx scripts/bundle-size.ts`.
 */
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

interface Chunk {
  file: string;
  src?: string;
  isEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
}
const dist = new URL('../web/dist/', import.meta.url);
const manifest = JSON.parse(readFileSync(new URL('.vite/manifest.json', dist), 'utf8')) as Record<
  string,
  Chunk
>;

function closure(keys: string[], seen = new Set<string>()): Set<string> {
  for (const k of keys) {
    if (seen.has(k)) continue;
    seen.add(k);
    closure(manifest[k]?.imports ?? [], seen);
  }
  return seen;
}
const gz = (keys: Set<string>) =>
  [...keys].reduce(
    (t, k) => t + gzipSync(readFileSync(new URL(manifest[k]!.file, dist))).length,
    0,
  );
const entry = Object.keys(manifest).find((k) => manifest[k]!.isEntry)!;
const screen = (src: string) => Object.keys(manifest).find((k) => k.endsWith(src));

const screens: [string, string][] = [
  ['login + cooperative dashboard', 'features/cooperative/CooperativeDashboard.tsx'],
  ['login + cashier', 'features/cashier/CashierPage.tsx'],
  ['login + network overview', 'features/network/NetworkOverview.tsx'],
];
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
console.log(`entry alone (login screen): ${kb(gz(closure([entry])))} gzipped`);
for (const [label, src] of screens) {
  const key = screen(src);
  if (!key) continue;
  console.log(`${label}: ${kb(gz(closure([entry, key])))} gzipped`);
}
