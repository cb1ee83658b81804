import { cpSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkPlan } from '../../src/check/index.js';
import type { Logger } from '../../src/logging/logger.js';
import { findDeclaringDirectory, rootDeclarationsOf } from '../../src/terraform/terraformSources.js';

const repoRoot = join(import.meta.dirname, '..', '..');
const demo = join(repoRoot, 'examples', 'demo');
const emptyConfig = join(repoRoot, 'test', 'e2e', 'empty-config.json');

function recordingLogger(): Logger & { lines: string[] } {
  const lines: string[] = [];
  return {
    lines,
    debug: (m) => lines.push(`debug: ${m}`),
    info: (m) => lines.push(`info: ${m}`),
    warning: (m) => lines.push(`warning: ${m}`),
    error: (m) => lines.push(`error: ${m}`),
    group: (_name, fn) => fn(),
    progress() {},
  };
}

/** A repository with the demo's code in infra/ and its plan where `planAt` says. */
function workspace(planAt: string): string {
  const root = mkdtempSync(join(tmpdir(), 'clb-guard-tfroot-'));
  mkdirSync(join(root, 'infra'));
  cpSync(join(demo, 'main.tf'), join(root, 'infra', 'main.tf'));
  mkdirSync(join(root, planAt, '..'), { recursive: true });
  cpSync(join(demo, 'plan.json'), join(root, planAt));
  return root;
}

describe('root declarations of plan addresses', () => {
  it('reads resources, data sources and module calls, without instance keys', () => {
    const wanted = rootDeclarationsOf([
      'tencentcloud_instance.web[0]',
      'tencentcloud_instance.web[1]',
      'data.tencentcloud_images.ubuntu',
      'module.app["a.b"].tencentcloud_clb_instance.x',
      'module.db.module.inner.tencentcloud_instance.y',
    ]);
    expect([...wanted.resources].sort()).toEqual(['data.tencentcloud_images.ubuntu', 'tencentcloud_instance.web']);
    expect([...wanted.modules].sort()).toEqual(['app', 'db']);
  });
});

describe('finding the folder that declares the root module', () => {
  const wanted = { resources: new Set(['tencentcloud_instance.web', 'tencentcloud_clb_instance.web']), modules: new Set(['network']) };

  it('finds infra/ below the workspace, and the best-matching folder wins over a partial one', () => {
    const root = mkdtempSync(join(tmpdir(), 'clb-guard-search-'));
    mkdirSync(join(root, 'infra'));
    mkdirSync(join(root, 'other'));
    writeFileSync(join(root, 'other', 'x.tf'), 'resource "tencentcloud_instance" "web" {}\n');
    writeFileSync(
      join(root, 'infra', 'main.tf'),
      'resource "tencentcloud_instance" "web" {}\nresource "tencentcloud_clb_instance" "web" {}\n',
    );
    writeFileSync(join(root, 'infra', 'modules.tf'), 'module "network" {\n  source = "./network"\n}\n');
    expect(findDeclaringDirectory(root, wanted)).toMatchObject({ dir: join(root, 'infra'), declared: 3, truncated: false });
  });

  it('never looks in node_modules, .terraform, vendor or hidden folders', () => {
    const root = mkdtempSync(join(tmpdir(), 'clb-guard-search-'));
    for (const skipped of ['node_modules/pkg', '.terraform/modules/x', 'vendor', '.hidden']) {
      mkdirSync(join(root, skipped), { recursive: true });
      writeFileSync(join(root, skipped, 'main.tf'), 'resource "tencentcloud_instance" "web" {}\n');
    }
    expect(findDeclaringDirectory(root, wanted)).toEqual({ declared: 0, filesScanned: 0, truncated: false });
  });

  it('stops at its file limit and says so', () => {
    const root = mkdtempSync(join(tmpdir(), 'clb-guard-search-'));
    for (let i = 0; i < 5; i++) {
      mkdirSync(join(root, `d${i}`));
      writeFileSync(join(root, `d${i}`, 'a.tf'), '# nothing\n');
    }
    mkdirSync(join(root, 'z'));
    writeFileSync(join(root, 'z', 'main.tf'), 'resource "tencentcloud_instance" "web" {}\n');
    expect(findDeclaringDirectory(root, wanted, { maxFiles: 3 })).toMatchObject({ declared: 0, filesScanned: 3, truncated: true });
    expect(findDeclaringDirectory(root, wanted)).toMatchObject({ dir: join(root, 'z'), declared: 1 });
  });
});

describe('plan mode: locations for the common infra/ layout, or a loud warning', () => {
  const locatedIn = (findings: readonly { location: { file: string } | null }[]) => [
    ...new Set(findings.map((f) => f.location?.file ?? null)),
  ];

  it("with the plan next to the code (infra/plan.json) and no --tf-root, uses the plan file's folder", async () => {
    const root = workspace('infra/plan.json');
    const logger = recordingLogger();
    const report = await checkPlan({ cwd: root, logger, planFile: 'infra/plan.json', configFile: emptyConfig, today: '2026-01-01' });
    expect(report.findings).toHaveLength(11);
    expect(locatedIn(report.findings)).toEqual(['infra/main.tf']);
    expect(logger.lines.filter((l) => l.startsWith('warning:'))).toEqual([]);
  });

  it('with the plan at the workspace root and the code in infra/, searches the workspace and says where it found it', async () => {
    const root = workspace('plan.json');
    const logger = recordingLogger();
    const report = await checkPlan({ cwd: root, logger, planFile: 'plan.json', configFile: emptyConfig, today: '2026-01-01' });
    expect(locatedIn(report.findings)).toEqual(['infra/main.tf']);
    expect(logger.lines).toContain(
      "info: the default tf-root . declares none of the plan's resources; using the .tf files in infra (set --tf-root infra to say so)",
    );
    expect(report.warnings.filter((w) => w.includes('no .tf line'))).toEqual([]);
  });

  it('with --tf-root at a folder without the .tf files, finds them anyway', async () => {
    const root = workspace('build/plan.json');
    mkdirSync(join(root, 'empty'));
    const logger = recordingLogger();
    const report = await checkPlan({
      cwd: root,
      logger,
      planFile: 'build/plan.json',
      tfRoot: 'empty',
      configFile: emptyConfig,
      today: '2026-01-01',
    });
    expect(locatedIn(report.findings)).toEqual(['infra/main.tf']);
    expect(
      logger.lines.some((l) => l.startsWith("info: --tf-root empty declares none of the plan's resources; using the .tf files in infra")),
    ).toBe(true);
  });

  it('when no .tf file declares the resources, warns once with the count of findings that have no line', async () => {
    const root = mkdtempSync(join(tmpdir(), 'clb-guard-tfroot-'));
    cpSync(join(demo, 'plan.json'), join(root, 'plan.json'));
    const logger = recordingLogger();
    const report = await checkPlan({ cwd: root, logger, planFile: 'plan.json', configFile: emptyConfig, today: '2026-01-01' });
    expect(locatedIn(report.findings)).toEqual([null]);
    const warnings = logger.lines.filter((l) => l.startsWith('warning:'));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(
      /^warning: 11 of 11 findings have no \.tf line \(tencentcloud_[^)]*, …\): no \.tf file under \. or elsewhere in the repository declares their resources; they get no annotation and are left out of SARIF\. Set --tf-root/,
    );
    expect(report.warnings.filter((w) => w.includes('no .tf line'))).toHaveLength(1);
  });

  it('refuses a --tf-root that does not exist or is a file, in one line', async () => {
    const root = workspace('plan.json');
    await expect(
      checkPlan({ cwd: root, logger: recordingLogger(), planFile: 'plan.json', tfRoot: 'infar', configFile: emptyConfig }),
    ).rejects.toThrow('--tf-root infar: no such folder');
    await expect(
      checkPlan({ cwd: root, logger: recordingLogger(), planFile: 'plan.json', tfRoot: 'infra/main.tf', configFile: emptyConfig }),
    ).rejects.toThrow("--tf-root infra/main.tf: not a folder; pass the folder of the root module's .tf files");
  });
});
