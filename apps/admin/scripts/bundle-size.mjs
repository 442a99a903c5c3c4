// Measures the production build: the JavaScript a browser downloads before the first screen
// (the entry chunk and everything it imports statically) and every chunk's size, gzipped.
// Usage: node scripts/bundle-size.mjs [--markdown]   (after `npm run build`)
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const dist = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'dist');
const manifest = JSON.parse(readFileSync(path.join(dist, '.vite', 'manifest.json'), 'utf8'));

const gzipSize = (file) => gzipSync(readFileSync(path.join(dist, file)), { level: 9 }).length;
const kb = (bytes) => (bytes / 1024).toFixed(1);

const entryKey = Object.keys(manifest).find((key) => manifest[key].isEntry);
const initial = new Set();
const visit = (key) => {
  const chunk = manifest[key];
  if (!chunk || initial.has(chunk.file)) return;
  initial.add(chunk.file);
  for (const imported of chunk.imports ?? []) visit(imported);
};
visit(entryKey);

const chunks = [...new Set(Object.values(manifest).map((chunk) => chunk.file))]
  .filter((file) => file.endsWith('.js'))
  .map((file) => ({
    file,
    raw: readFileSync(path.join(dist, file)).length,
    gzip: gzipSize(file),
    initial: initial.has(file),
  }))
  .sort((a, b) => Number(b.initial) - Number(a.initial) || b.gzip - a.gzip);
const css = [...new Set(Object.values(manifest).flatMap((chunk) => chunk.css ?? []))];

const initialGzip = chunks.filter((c) => c.initial).reduce((sum, c) => sum + c.gzip, 0);
const totalGzip = chunks.reduce((sum, c) => sum + c.gzip, 0);
const name = (file) => file.replace(/^assets\//, '').replace(/-[A-Za-z0-9_-]{8}\.js$/, '.js');

if (process.argv.includes('--markdown')) {
  console.log(
    `Initial JavaScript: **${kb(initialGzip)} KB gzip** (budget 200 KB); all chunks: ${kb(totalGzip)} KB gzip.\n`,
  );
  console.log('| chunk | loaded | raw KB | gzip KB |\n| --- | --- | ---: | ---: |');
  for (const c of chunks)
    console.log(`| ${name(c.file)} | ${c.initial ? 'first load' : 'lazy'} | ${kb(c.raw)} | ${kb(c.gzip)} |`);
  for (const file of css)
    console.log(
      `| ${name(file).replace(/-[A-Za-z0-9_-]{8}\.css$/, '.css')} (CSS) | first load | ${kb(readFileSync(path.join(dist, file)).length)} | ${kb(gzipSize(file))} |`,
    );
} else {
  for (const c of chunks) console.log(`${c.initial ? '*' : ' '} ${kb(c.gzip).padStart(7)} KB  ${c.file}`);
  console.log(`\ninitial JS: ${kb(initialGzip)} KB gzip (budget 200 KB); all JS: ${kb(totalGzip)} KB gzip`);
}
if (initialGzip > 200 * 1024) {
  console.error(`Initial JavaScript ${kb(initialGzip)} KB gzip is over the 200 KB budget.`);
  process.exitCode = 1;
}
