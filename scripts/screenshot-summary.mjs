#!/usr/bin/env node
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
// Regenerates docs/job-summary.png: the demo's Markdown report (what the Action writes to the job
// summary and the sticky PR comment) rendered to HTML with `marked`, its ```mermaid blocks drawn
// by Mermaid in the page, photographed by a headless Chromium through puppeteer-core.
//
//   apt-get install chromium      # or set CHROMIUM_PATH to any Chrome/Chromium binary
//   node scripts/screenshot-summary.mjs [--full]
//
// Dev tooling only: none of it is a runtime dependency. Everything is local: the page loads
// Mermaid from node_modules by file URL, and the browser is given no network.
import { build } from 'esbuild';
import { marked } from 'marked';
import puppeteer from 'puppeteer-core';

const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(repoRoot, 'docs', 'job-summary.png');
const full = process.argv.includes('--full');

// The report from the current sources, as `clb-guard plan … --format markdown` prints it.
const work = mkdtempSync(join(tmpdir(), 'clb-guard-shot-'));
const entry = join(work, 'render.mjs');
await build({
  stdin: {
    contents: `
      import { checkPlan } from './src/check/index.js';
      import { silentLogger } from './src/logging/logger.js';
      import { renderMarkdown } from './src/report/markdown.js';
      export async function demoMarkdown() {
        const report = await checkPlan({ cwd: ${JSON.stringify(repoRoot)}, logger: silentLogger, planFile: 'examples/demo/plan.json', tfRoot: 'examples/demo', configFile: 'test/e2e/empty-config.json', today: '2026-11-24' });
        return renderMarkdown(report, { heading: 'clb-guard', overflowHint: 'the job summary' });
      }`,
    resolveDir: repoRoot,
    loader: 'ts',
  },
  bundle: true,
  platform: 'node',
  format: 'esm',
  mainFields: ['module', 'main'],
  outfile: entry,
  logLevel: 'error',
  loader: { '.wasm': 'binary' },
  banner: { js: "import { createRequire as __r } from 'node:module'; const require = __r(import.meta.url);" },
});
const { demoMarkdown } = await import(pathToFileURL(entry).href);
const markdown = await demoMarkdown();

// GitHub draws ```mermaid fences as diagrams; everything else is ordinary GitHub-flavoured Markdown.
const renderer = new marked.Renderer();
const code = renderer.code.bind(renderer);
renderer.code = (token) =>
  token.lang === 'mermaid' ? `<pre class="mermaid">${token.text.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</pre>` : code(token);
const body = marked.parse(markdown, { gfm: true, renderer });
const mermaidJs = pathToFileURL(join(repoRoot, 'node_modules', 'mermaid', 'dist', 'mermaid.min.js')).href;
const html = `<!doctype html><html><head><meta charset="utf-8"><title>clb-guard job summary</title>
<style>
  body { margin: 0; background: #f6f8fa; font: 14px/1.5 -apple-system, "Segoe UI", "Noto Sans", Helvetica, Arial, sans-serif; color: #1f2328; }
  .frame { max-width: 1012px; margin: 24px auto; background: #fff; border: 1px solid #d1d9e0; border-radius: 6px; }
  .frame > header { padding: 12px 16px; border-bottom: 1px solid #d1d9e0; font-weight: 600; }
  .markdown-body { padding: 16px 32px 24px; }
  h2 { font-size: 1.5em; border-bottom: 1px solid #d1d9e0; padding-bottom: .3em; }
  h3 { font-size: 1.25em; margin-top: 24px; } h4 { font-size: 1em; margin-top: 24px; }
  table { border-collapse: collapse; margin: 16px 0; } th, td { border: 1px solid #d1d9e0; padding: 6px 13px; } tr:nth-child(2n) { background: #f6f8fa; }
  code { font: 85% ui-monospace, SFMono-Regular, Menlo, monospace; background: #818b981f; padding: .2em .4em; border-radius: 6px; }
  pre:not(.mermaid) { background: #f6f8fa; padding: 16px; border-radius: 6px; overflow: auto; } pre code { background: none; padding: 0; }
  pre.mermaid { background: #fff; text-align: center; margin: 16px 0; }
  sub { color: #59636e; }
</style>
<script src="${mermaidJs}"></script></head>
<body><div class="frame"><header>clb-guard summary</header><div class="markdown-body">${body}</div></div>
<script>mermaid.initialize({ startOnLoad: false, theme: 'default', securityLevel: 'strict' });
mermaid.run({ querySelector: 'pre.mermaid' }).then(() => { document.body.dataset.drawn = 'yes'; }, (e) => { document.body.dataset.drawn = 'error: ' + e.message; });</script>
</body></html>`;
const page = join(work, 'summary.html');
writeFileSync(page, html);

const executablePath =
  process.env.CHROMIUM_PATH ?? ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'].find((p) => existsSync(p));
if (executablePath === undefined) {
  console.error('screenshot-summary: no Chromium found; install one (apt-get install chromium) or set CHROMIUM_PATH');
  process.exit(2);
}
const browser = await puppeteer.launch({
  executablePath,
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--no-proxy-server', '--proxy-bypass-list=<-loopback>', '--allow-file-access-from-files'],
});
try {
  const tab = await browser.newPage();
  // Nothing but file: URLs is fetched.
  await tab.setRequestInterception(true);
  tab.on('request', (request) =>
    request.url().startsWith('file:') || request.url().startsWith('data:') ? request.continue() : request.abort(),
  );
  await tab.setViewport({ width: 1100, height: 900, deviceScaleFactor: 1 });
  await tab.goto(pathToFileURL(page).href, { waitUntil: 'load' });
  await tab.waitForFunction(() => document.body.dataset.drawn !== undefined, { timeout: 60_000 });
  const drawn = await tab.evaluate(() => document.body.dataset.drawn);
  if (drawn !== 'yes') throw new Error(`Mermaid could not draw the page: ${drawn}`);
  const diagrams = await tab.evaluate(() => document.querySelectorAll('pre.mermaid svg').length);
  // Down to the end of the paths (the first finding's heading) unless --full.
  const frame = await tab.evaluate((whole) => {
    const box = document.querySelector('.frame').getBoundingClientRect();
    const findings = [...document.querySelectorAll('.markdown-body h3')].find((h) => h.textContent.includes('ERROR'));
    const bottom = whole || findings === undefined ? box.bottom : findings.getBoundingClientRect().top - 8;
    return { x: box.left - 1, y: box.top - 1, width: box.width + 2, height: bottom - box.top + 2 };
  }, full);
  await tab.screenshot({ path: out, clip: frame, captureBeyondViewport: true });
  console.log(
    `screenshot-summary: ${diagrams} diagrams drawn by Mermaid ${JSON.parse(readFileSync(join(repoRoot, 'node_modules', 'mermaid', 'package.json'), 'utf8')).version} in ${await browser.version()}; wrote ${out} (${Math.round(frame.width)}×${Math.round(frame.height)})`,
  );
} finally {
  await browser.close();
}
