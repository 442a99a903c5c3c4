import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { EncodedBody } from './compress';
import { etagOf } from './html-cache';

/** URL prefix of the client build; every file under it has a content hash in its name. */
export const assetsPrefix = '/_assets/';

export interface AssetFile {
  contentType: string;
  body: EncodedBody;
  etag: string;
}

export interface SiteAssets {
  /** The stylesheet, inlined in every page: one request less before the first paint. */
  css: string;
  /** The islands' entry script and the chunks it imports (preloaded). */
  islands: { src: string; preload: string[] };
  /** Every built file by URL path (`/_assets/islands-Ab12.js`), kept in memory with its compressed forms. */
  files: Map<string, AssetFile>;
}

interface ManifestChunk {
  file: string;
  src?: string;
  isEntry?: boolean;
  imports?: string[];
  css?: string[];
}

const contentTypes: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.woff2': 'font/woff2',
  '.png': 'image/png',
  '.webp': 'image/webp',
};

/** Where `npm run build -w @swigs/site` writes the client build, found through the package itself. */
export function defaultAssetsDir(): string {
  const require = createRequire(import.meta.url);
  return path.join(path.dirname(require.resolve('@swigs/site/package.json')), 'dist', 'client');
}

export class AssetsNotBuiltError extends Error {
  constructor(dir: string) {
    super(`The public-site client build is missing in ${dir}. Run \`npm run build\` at the repository root.`);
    this.name = 'AssetsNotBuiltError';
  }
}

/**
 * Reads the client build once (it is a few kilobytes): the manifest names the hashed files, the
 * stylesheet is kept as text to inline, every file is kept in memory and compressed on demand.
 */
export function loadAssets(dir: string = defaultAssetsDir()): SiteAssets {
  const manifestPath = path.join(dir, '.vite', 'manifest.json');
  if (!existsSync(manifestPath)) throw new AssetsNotBuiltError(dir);
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Record<string, ManifestChunk>;
  const chunks = Object.values(manifest);
  const styles = chunks.find((chunk) => chunk.src === 'src/styles/site.css');
  const islands = chunks.find((chunk) => chunk.src === 'src/client/islands.tsx');
  if (!styles || !islands) throw new Error(`Unexpected client manifest in ${manifestPath}.`);

  const files = new Map<string, AssetFile>();
  const add = (file: string) => {
    const bytes = readFileSync(path.join(dir, file));
    files.set(`${assetsPrefix}${file}`, {
      contentType: contentTypes[path.extname(file)] ?? 'application/octet-stream',
      // Built once and served for a long time: worth the best compression.
      body: new EncodedBody(bytes, 11),
      etag: etagOf(bytes),
    });
  };
  const preload = new Set<string>();
  const collectImports = (chunk: ManifestChunk) => {
    for (const key of chunk.imports ?? []) {
      const imported = manifest[key];
      if (!imported || preload.has(imported.file)) continue;
      preload.add(imported.file);
      collectImports(imported);
    }
  };
  collectImports(islands);
  for (const chunk of chunks) {
    add(chunk.file);
    for (const css of chunk.css ?? []) if (!files.has(`${assetsPrefix}${css}`)) add(css);
  }
  return {
    css: readFileSync(path.join(dir, styles.file), 'utf8').trim(),
    islands: {
      src: `${assetsPrefix}${islands.file}`,
      preload: [...preload].map((file) => `${assetsPrefix}${file}`),
    },
    files,
  };
}
