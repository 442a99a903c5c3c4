/**
 * Lighthouse 12 on the demo site (home, course list, course detail), with Debian's Chromium, in
 * Lighthouse's default mobile profile (simulated slow 4G and a slower CPU). Lighthouse stays out
 * of the workspace lockfile: it is installed once into a temporary folder.
 *
 *   npm run build && npx tsx bench/site/lighthouse.ts
 *
 * Environment: CHROME_PATH (default /usr/bin/chromium), BENCH_PORT (default 3931). Writes
 * bench/results/site-lighthouse.json and prints a Markdown table for docs/benchmarks.md.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { root, startEmbeddedServer } from './embedded-server';

const lighthouseVersion = '12.2.3';
const chrome = process.env.CHROME_PATH ?? '/usr/bin/chromium';
const port = Number(process.env.BENCH_PORT ?? 3931);
const categories = ['performance', 'accessibility', 'best-practices', 'seo'] as const;

function installLighthouse(): string {
  const dir = path.join(os.tmpdir(), `swigs-lighthouse-${lighthouseVersion}`);
  const cli = path.join(dir, 'node_modules/lighthouse/cli/index.js');
  if (!existsSync(cli)) {
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, 'package.json'), '{"private":true}\n');
    execFileSync(
      'npm',
      ['install', '--no-audit', '--no-fund', '--save-exact', `lighthouse@${lighthouseVersion}`],
      {
        cwd: dir,
        stdio: 'inherit',
      },
    );
  }
  return cli;
}

interface Report {
  categories: Record<string, { score: number | null; auditRefs: { id: string }[] }>;
  audits: Record<
    string,
    { score: number | null; title: string; scoreDisplayMode: string; displayValue?: string }
  >;
}

function audit(cli: string, url: string): Report {
  const out = mkdtempSync(path.join(os.tmpdir(), 'swigs-lh-'));
  try {
    const report = path.join(out, 'report.json');
    execFileSync(
      process.execPath,
      [
        cli,
        url,
        '--output=json',
        `--output-path=${report}`,
        '--quiet',
        `--only-categories=${categories.join(',')}`,
        `--chrome-flags=--headless=new --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking --disable-component-update --disable-sync --user-data-dir=${path.join(out, 'profile')}`,
      ],
      { env: { ...process.env, CHROME_PATH: chrome }, stdio: ['ignore', 'ignore', 'inherit'] },
    );
    return JSON.parse(readFileSync(report, 'utf8')) as Report;
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

const cli = installLighthouse();
const server = await startEmbeddedServer({ port });
try {
  // *.localhost resolves to this machine in Chromium: the demo site is served by host name,
  // as in production, not under the preview path.
  const origin = `http://demo.localhost:${port}`;
  const courses = (await (await fetch(`${server.origin}/api/v1/public/sites/demo/courses`)).json()) as {
    data: { slug: string; status: string }[];
  };
  const detail = courses.data.find((course) => course.status === 'active')!.slug;
  const pages = [
    ['Home', '/'],
    ['Course list', '/formations'],
    ['Course detail', `/formations/${detail}`],
  ] as const;

  const results = [];
  for (const [name, pathname] of pages) {
    const report = audit(cli, `${origin}${pathname}`);
    const scores = Object.fromEntries(
      categories.map((category) => [category, Math.round((report.categories[category]?.score ?? 0) * 100)]),
    );
    const failing = categories.flatMap((category) =>
      (report.categories[category]?.auditRefs ?? [])
        .map((ref) => ({ id: ref.id, ...report.audits[ref.id]! }))
        .filter(
          (a) =>
            a.scoreDisplayMode !== 'informative' &&
            a.scoreDisplayMode !== 'notApplicable' &&
            a.score !== null &&
            a.score < 1,
        )
        .map((a) => `${category}: ${a.id}${a.displayValue ? ` (${a.displayValue})` : ''}`),
    );
    const metrics = Object.fromEntries(
      [
        'first-contentful-paint',
        'largest-contentful-paint',
        'total-blocking-time',
        'cumulative-layout-shift',
        'speed-index',
      ].map((id) => [id, report.audits[id]?.displayValue ?? '']),
    );
    results.push({ name, path: pathname, scores, metrics, failing });
  }

  mkdirSync(path.join(root, 'bench/results'), { recursive: true });
  const file = path.join(root, 'bench/results/site-lighthouse.json');
  writeFileSync(
    file,
    `${JSON.stringify({ lighthouse: lighthouseVersion, date: new Date().toISOString(), results }, null, 2)}\n`,
  );

  console.log(
    `Lighthouse ${lighthouseVersion}, mobile profile, ${chrome} — results in ${path.relative(root, file)}\n`,
  );
  console.log('| page | performance | accessibility | best practices | SEO | FCP | LCP | TBT | CLS |');
  console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- |');
  for (const r of results) {
    const m = r.metrics;
    console.log(
      `| ${r.name} (\`${r.path.replace(detail, '<slug>')}\`) | ${r.scores.performance} | ${r.scores.accessibility} | ${r.scores['best-practices']} | ${r.scores.seo} | ${m['first-contentful-paint']} | ${m['largest-contentful-paint']} | ${m['total-blocking-time']} | ${m['cumulative-layout-shift']} |`,
    );
  }
  for (const r of results) if (r.failing.length > 0) console.log(`\n${r.name}: ${r.failing.join('; ')}`);
} finally {
  await server.stop();
}
