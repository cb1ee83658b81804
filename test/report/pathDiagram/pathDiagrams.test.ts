// @vitest-environment jsdom
import { copyFileSync, existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkPlan } from '../../../src/check/index.js';
import { silentLogger } from '../../../src/logging/logger.js';
import type { Finding } from '../../../src/model/finding.js';
import { unknown } from '../../../src/model/value.js';
import { renderMarkdown } from '../../../src/report/markdown.js';
import { renderPathFlowchart } from '../../../src/report/pathDiagram/mermaidFlowchart.js';
import { pathGroupsOf } from '../../../src/report/pathDiagram/pathGroups.js';
import { MAX_DIAGRAMS } from '../../../src/report/pathDiagram/pathSection.js';
import { renderPathsText } from '../../../src/report/pathDiagram/pathText.js';
import { runPolicy } from '../../policy/runPolicy.js';
import { Scenario } from '../../policy/scenario.js';
import { edgeCount, mermaidBlocks, parseMermaid } from '../../support/mermaidParser.js';
import { report } from '../sampleReport.js';

const repoRoot = join(import.meta.dirname, '..', '..', '..');
const configFile = 'test/e2e/empty-config.json';
const today = '2026-11-24';

async function demoFindings(): Promise<readonly Finding[]> {
  return (
    await checkPlan({
      cwd: repoRoot,
      logger: silentLogger,
      planFile: 'examples/demo/plan.json',
      tfRoot: 'examples/demo',
      configFile,
      today,
    })
  ).findings;
}

/** The diagram of the path that `target` is on. */
function chartFor(findings: readonly Finding[], target: string): string {
  const group = pathGroupsOf(findings).find((g) => g.targets.includes(target));
  if (group === undefined) throw new Error(`no path for ${target}`);
  return renderPathFlowchart(group);
}

async function expectRenderable(chart: string): Promise<void> {
  expect(await parseMermaid(chart)).toBe('flowchart-v2');
  expect(chart.length).toBeLessThan(50_000);
  expect(edgeCount(chart)).toBeLessThan(500);
  expect(chart).not.toMatch(/click /);
}

describe('path diagrams: one golden per shape, each parsed by Mermaid', () => {
  it('a shared path lists every backend on it, once (demo shop-web: ACL reply leg and health-check default deny)', async () => {
    const findings = await demoFindings();
    const groups = pathGroupsOf(findings);
    const web = groups.find((g) => g.targets.includes('tencentcloud_instance.web[0]'))!;
    expect(web.targets).toEqual(['tencentcloud_instance.web[0]', 'tencentcloud_instance.web[1]']);
    expect(groups.filter((g) => g.targets.includes('tencentcloud_instance.web[1]'))).toHaveLength(1);
    const chart = renderPathFlowchart(web);
    await expectRenderable(chart);
    await expect(chart).toMatchFileSnapshot('golden/shared-path.mmd');
  });

  it('default deny in the backend group: the edge into the backend is red and crossed, the node says no rule matched', async () => {
    const chart = chartFor(await demoFindings(), 'tencentcloud_instance.api');
    await expectRenderable(chart);
    expect(chart).toMatch(
      /f1l0\["backend security group<br\/>shop-api \(tencentcloud_security_group\.api\)<br\/>default deny \(no rule matched\)"\]:::deny/,
    );
    expect(chart).toMatch(/^ {2}f1l0 --x t0$/m);
    await expect(chart).toMatchFileSnapshot('golden/default-deny.mmd');
  });

  it("a deny in the CLB's own group stops client traffic before the backend", async () => {
    const chart = chartFor(await demoFindings(), 'tencentcloud_clb_listener.admin');
    await expectRenderable(chart);
    // The node names what refuses, for which part, and counts the part its ACCEPT admits.
    expect(chart).toContain(
      'f0l0["CLB security group<br/>shop-admin-clb (tencentcloud_security_group.admin_clb)<br/>default deny (no rule matched)<br/>for 0.0.0.0/0 except 203.0.113.0/24 TCP:443<br/>the rest admitted by #35;0"]:::deny',
    );
    expect(chart).toMatch(/^ {2}f0l0 --x t0$/m);
    await expect(chart).toMatchFileSnapshot('golden/clb-group-deny.mmd');
  });

  it('pass-to-target: the backend group is drawn beside the path, dotted grey, with the DROP it would apply', async () => {
    const chart = chartFor(await demoFindings(), 'tencentcloud_instance.admin');
    await expectRenderable(chart);
    expect(chart).toMatch(
      /f0l1\[".*#35;0 DROP 45\.33\.0\.0\/16 TCP:8080<br\/>examples\/demo\/main\.tf:213<br\/>not evaluated.*"\]:::skipped/,
    );
    // The path itself goes around it: the CLB's verdict reaches the backend directly.
    expect(chart).toMatch(/^ {2}f0l0 --x t0$/m);
    expect(chart).toMatch(/^ {2}f0l0 -\.-> f0l1$/m);
    expect(chart).toMatch(/^ {2}f0l1 -\.-> t0$/m);
    await expect(chart).toMatchFileSnapshot('golden/pass-to-target.mmd');
  });

  it('pass-to-target not known: a backend DROP is drawn as undecided with why, not as the verdict', async () => {
    const inventory = new Scenario()
      .vpc('vpc', '10.0.0.0/16')
      .subnet('subnet', '10.0.1.0/24')
      .sg('sg_app', ['DROP 0.0.0.0/0 TCP 8080', 'ACCEPT 0.0.0.0/0 TCP 8080'])
      .instance('app', { sgs: ['sg_app'] })
      .clb('lb', { vips: ['203.0.113.10'], passToTarget: unknown('known after apply') })
      .listener('lb', 'lbl', { port: 80, health: { enabled: false }, targets: [{ instance: 'app', port: 8080 }] })
      .build();
    const [finding] = runPolicy(inventory, 'backend-allows-clients');
    expect(finding?.status).toBe('unknown');
    const layer = finding?.paths?.[0]?.layers.find((l) => l.kind === 'securityGroup');
    expect(layer).toMatchObject({
      resource: 'sg_app',
      outcome: 'unknown',
      rules: [expect.objectContaining({ verdict: 'deny', rule: 'DROP 0.0.0.0/0 TCP:8080' })],
      note: 'pass-to-target not known (known after apply): evaluated only if off',
    });
    // Both renderers say why the layer is undecided, beside its rules (drawn as if it failed).
    const groups = pathGroupsOf([{ ...finding!, status: 'fail' }]);
    const why = 'pass-to-target not known (known after apply): evaluated only if off';
    expect(renderPathsText(groups).join('\n')).toContain(why);
    const chart = renderPathFlowchart(groups[0]!);
    expect(chart).toMatch(
      /\["backend security group<br\/>sg_app<br\/>#35;0 DROP 0\.0\.0\.0\/0 TCP:8080<br\/>main\.tf:100<br\/>pass-to-target not known \(known after apply\): evaluated only if off"\]:::unknown/,
    );
    expect(chart).toContain(why);
    await expectRenderable(chart);
  });

  it('the reply leg of a stateless ACL: backend → ACL outbound → the source, red where the ACL drops replies', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'clb-guard-paths-'));
    copyFileSync(join(repoRoot, 'test/fixtures/scenarios/private-acl/plan.json'), join(dir, 'plan.json'));
    const { findings } = await checkPlan({ cwd: dir, logger: silentLogger, planFile: 'plan.json', today });
    const chart = chartFor(findings, 'tencentcloud_instance.ins_db');
    await expectRenderable(chart);
    expect(chart).toMatch(/^ {2}t0 --> f0r0$/m);
    expect(chart).toMatch(/f0r0\["subnet ACL out \(reply\)<br\/>.*default outbound deny of the ACL.*"\]:::deny/);
    expect(chart).toMatch(/^ {2}f0r0 --x f0back$/m);
    await expect(chart).toMatchFileSnapshot('golden/acl-reply-leg.mmd');
  });

  it('a written DROP in the second of two backend groups: the first passes on (no rule matched), the second names the DROP', async () => {
    const inventory = new Scenario()
      .vpc('vpc', '10.0.0.0/16')
      .subnet('subnet', '10.0.1.0/24')
      .sg('sg_base', ['ACCEPT 10.9.0.0/16 TCP 22'])
      .sg('sg_app', ['DROP 0.0.0.0/0 TCP 8080', 'ACCEPT 0.0.0.0/0 TCP 8080'])
      .instance('app', { sgs: ['sg_base', 'sg_app'] })
      .clb('lb', { vips: ['203.0.113.10'] })
      .listener('lb', 'lbl', { port: 80, health: { enabled: false }, targets: [{ instance: 'app', port: 8080 }] })
      .build();
    const chart = chartFor(runPolicy(inventory, 'backend-allows-clients'), 'app');
    await expectRenderable(chart);
    expect(chart).toMatch(/f0l1\["backend security group<br\/>sg_base<br\/>no rule matched: next group"\]:::next/);
    expect(chart).toMatch(/f0l2\["backend security group<br\/>sg_app<br\/>#35;0 DROP 0\.0\.0\.0\/0 TCP:8080<br\/>main\.tf:100"\]:::deny/);
    expect(chart).toMatch(/^ {2}f0l1 --> f0l2$/m);
    expect(chart).toMatch(/^ {2}f0l2 --x t0$/m);
    await expect(chart).toMatchFileSnapshot('golden/backend-group-deny.mmd');
  });

  it('labels escape quotes, brackets, #, <, backticks and keep unicode: Mermaid parses them and the fence stays closed', async () => {
    const name = 'web "prod" [eu] {x} #1 <b>&amp; `x` ```  ü 🚀';
    const inventory = new Scenario()
      .vpc('vpc', '10.0.0.0/16')
      .subnet('subnet', '10.0.1.0/24')
      .sg(name, ['ACCEPT 10.9.0.0/16 TCP 22'])
      .instance('app(1) "x"', { sgs: [name] })
      .clb('lb', { vips: ['203.0.113.10'] })
      .listener('lb', 'lbl', { port: 80, health: { enabled: false }, targets: [{ instance: 'app(1) "x"', port: 8080 }] })
      .build();
    const findings = runPolicy(inventory, 'backend-allows-clients');
    const chart = chartFor(findings, 'app(1) "x"');
    await expectRenderable(chart);
    expect(chart).toContain('web #quot;prod#quot; [eu] {x} #35;1 #lt;b#gt;#amp;amp; #96;x#96; #96;#96;#96;  ü 🚀');
    const markdown = renderMarkdown(report([...findings]));
    expect(mermaidBlocks(markdown)).toEqual([chart]);
  });
});

describe('budget', () => {
  /** `n` backends, each behind its own listener port: n distinct paths. */
  function manyPaths(n: number): Finding[] {
    const s = new Scenario()
      .vpc('vpc', '10.0.0.0/16')
      .subnet('subnet', '10.0.1.0/24')
      .sg('sg', ['ACCEPT 10.9.0.0/16 TCP 22'])
      .clb('lb', { vips: ['203.0.113.10'] });
    for (let i = 0; i < n; i++)
      s.instance(`app${i}`).listener('lb', `lbl${i}`, {
        port: 1000 + i,
        health: { enabled: false },
        targets: [{ instance: `app${i}`, port: 8000 + i }],
      });
    return runPolicy(s.build(), 'backend-allows-clients');
  }

  it('past the budget the rest is text, and the report says how many diagrams were left out', async () => {
    const findings = manyPaths(60);
    expect(pathGroupsOf(findings)).toHaveLength(60);
    const comment = renderMarkdown(report(findings), { maxChars: 65_536 });
    expect(comment.length).toBeLessThanOrEqual(65_536);
    const drawn = mermaidBlocks(comment);
    expect(drawn.length).toBeGreaterThan(0);
    expect(drawn.length).toBeLessThan(60);
    expect(comment).toContain(`${60 - drawn.length} more paths are not drawn`);
    // The findings themselves still come after the diagrams.
    expect(comment).toMatch(/### 🔴 \*\*ERROR\*\* `backend-allows-clients` on `app0`/);
    for (const chart of drawn) await expectRenderable(chart);

    const summary = renderMarkdown(report(findings));
    expect(mermaidBlocks(summary)).toHaveLength(MAX_DIAGRAMS);
    expect(summary).toContain(`${60 - MAX_DIAGRAMS} more paths are not drawn`);
    expect(summary.length).toBeLessThanOrEqual(1_000_000);
  });

  it('a limit too small for any diagram leaves them all out and still says so', () => {
    const text = renderMarkdown(report(manyPaths(3)), { maxChars: 3_000 });
    expect(mermaidBlocks(text)).toEqual([]);
    expect(text).toContain('The 3 paths are not drawn');
  });

  it('without diagrams (diagrams: false) the report is the text alone', () => {
    const text = renderMarkdown(report(manyPaths(2)), { diagrams: false });
    expect(text).not.toContain('```mermaid');
  });
});

describe('every diagram the fixtures produce parses with Mermaid', () => {
  const scenarios = readdirSync(join(repoRoot, 'test/fixtures/scenarios')).filter((d) =>
    existsSync(join(repoRoot, 'test/fixtures/scenarios', d, 'plan.json')),
  );
  const plans = readdirSync(join(repoRoot, 'test/fixtures/plans')).filter((d) =>
    existsSync(join(repoRoot, 'test/fixtures/plans', d, 'plan.json')),
  );

  it('the demo', async () => {
    const { findings } = await checkPlan({
      cwd: repoRoot,
      logger: silentLogger,
      planFile: 'examples/demo/plan.json',
      tfRoot: 'examples/demo',
      configFile,
      today,
    });
    const charts = mermaidBlocks(renderMarkdown(report([...findings])));
    expect(charts).toHaveLength(4);
    for (const chart of charts) await expectRenderable(chart);
  });

  it.each(scenarios)('test/fixtures/scenarios/%s', async (name) => {
    const dir = mkdtempSync(join(tmpdir(), 'clb-guard-paths-'));
    copyFileSync(join(repoRoot, 'test/fixtures/scenarios', name, 'plan.json'), join(dir, 'plan.json'));
    const { findings } = await checkPlan({ cwd: dir, logger: silentLogger, planFile: 'plan.json', today });
    for (const chart of mermaidBlocks(renderMarkdown(report([...findings])))) await expectRenderable(chart);
  });

  it.each(plans)('test/fixtures/plans/%s', async (name) => {
    const dir = join('test/fixtures/plans', name);
    const tfRoot = existsSync(join(repoRoot, dir, 'config')) ? join(dir, 'config') : dir;
    const { findings } = await checkPlan({
      cwd: repoRoot,
      logger: silentLogger,
      planFile: join(dir, 'plan.json'),
      tfRoot,
      configFile,
      today,
    });
    for (const chart of mermaidBlocks(renderMarkdown(report([...findings])))) await expectRenderable(chart);
  });

  it('rejects what GitHub could not render (the check is real)', async () => {
    await expect(parseMermaid('flowchart LR\n  a["open --> b')).rejects.toThrow();
    await expect(parseMermaid('flowchart LR\n  a --> b\n  linkStyle 3 stroke:red')).rejects.toThrow();
  });
});
