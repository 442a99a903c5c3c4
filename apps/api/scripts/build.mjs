// Bundles the API (server and CLI) with esbuild. Workspace packages (@swigs/*) are compiled in;
// every other dependency — the API's own and those of the workspace packages it inlines (React for
// the public sites) — stays external and is loaded from node_modules at run time.
import { readFileSync } from 'node:fs';
import { build } from 'esbuild';

const readPackage = (url) => JSON.parse(readFileSync(url, 'utf8'));
const pkg = readPackage(new URL('../package.json', import.meta.url));
const inlined = ['../../site/package.json', '../../../packages/sdk/package.json'];
const dependencies = [pkg, ...inlined.map((path) => readPackage(new URL(path, import.meta.url)))].flatMap(
  (manifest) => Object.keys(manifest.dependencies ?? {}),
);
const external = [...new Set(dependencies)]
  .filter((name) => !name.startsWith('@swigs/'))
  .flatMap((name) => [name, `${name}/*`]);

await build({
  entryPoints: { server: 'src/server.ts', cli: 'src/cli.ts' },
  outdir: 'dist',
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  sourcemap: true,
  splitting: true,
  external,
  logLevel: 'warning',
  jsx: 'automatic',
  banner: {
    js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
  },
});
