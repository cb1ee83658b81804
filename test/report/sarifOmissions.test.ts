import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { renderSarif } from '../../src/report/sarifReport.js';
import { finding, report } from './sampleReport.js';

const repoRoot = join(import.meta.dirname, '..', '..');
const sarifDir = join(repoRoot, 'node_modules', '@microsoft', 'sarif-multitool-linux');

// Two located findings (one in a file that is not in the repository), one without a location.
const sample = report([
  finding(),
  finding({ location: { file: 'elsewhere/main.tf', line: 3 }, fingerprint: 'fedcba9876543210fedcba9876543210' }),
  finding({ status: 'unknown', resource: 'tencentcloud_instance.api', location: null, fingerprint: '00000000000000000000000000000001' }),
]);
const inRepo = (path: string) => path !== 'elsewhere/main.tf';

interface SarifRun {
  properties: { findings: number; omittedFindings: Record<string, number> };
  invocations: {
    executionSuccessful: boolean;
    toolExecutionNotifications?: {
      level: string;
      message: { text: string };
      descriptor: { id: string; index: number };
      properties: Record<string, number>;
    }[];
  }[];
  tool: { driver: { notifications: { id: string }[] } };
  results: unknown[];
}

describe('SARIF says what it left out and why', () => {
  it('counts the left-out findings by reason in the run properties and a tool execution notification', () => {
    const { sarif, omitted, omissions } = renderSarif(sample, { repoRoot, fileExists: inRepo });
    const run = (sarif as { runs: SarifRun[] }).runs[0]!;
    expect(omitted).toBe(2);
    expect(omissions).toEqual({ noLocation: 1, notInRepository: 1, overLimit: 0 });
    expect(run.results).toHaveLength(1);
    expect(run.properties).toEqual({ findings: 3, omittedFindings: { total: 2, noLocation: 1, notInRepository: 1, overLimit: 0 } });
    const [notification] = run.invocations[0]!.toolExecutionNotifications!;
    expect(notification).toMatchObject({
      level: 'warning',
      descriptor: { id: 'omitted-findings', index: 0 },
      properties: { noLocation: 1, notInRepository: 1, overLimit: 0 },
    });
    expect(notification!.message.text).toBe(
      '2 of 3 findings are not in this SARIF file: 1 without a location in the repository (live findings, or plan findings whose resources no .tf file under tf-root declares); 1 whose file is not in the repository. They are in the JSON report and the job summary.',
    );
    expect(run.tool.driver.notifications[0]!.id).toBe('omitted-findings');
  });

  it('has no notification when nothing is left out', () => {
    const { sarif } = renderSarif(report([finding()]), { repoRoot, fileExists: () => true });
    const run = (sarif as { runs: SarifRun[] }).runs[0]!;
    expect(run.invocations[0]!.toolExecutionNotifications).toBeUndefined();
    expect(run.properties.omittedFindings).toEqual({ total: 0, noLocation: 0, notInRepository: 0, overLimit: 0 });
  });

  it('stays valid SARIF 2.1.0 (official schema and Sarif.Multitool)', () => {
    const official = JSON.parse(readFileSync(join(sarifDir, 'sarif-2.1.0.json'), 'utf8'));
    const validate = new Ajv2020({ allErrors: true, strict: false, validateFormats: false }).compile(official);
    const { sarif } = renderSarif(sample, { repoRoot, fileExists: inRepo });
    expect(validate(sarif), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
    const tool = join(sarifDir, 'Sarif.Multitool');
    chmodSync(tool, 0o755);
    const dir = mkdtempSync(join(tmpdir(), 'clb-guard-sarif-omitted-'));
    const file = join(dir, 'report.sarif');
    writeFileSync(file, JSON.stringify(sarif));
    const run = spawnSync(tool, ['validate', file, '--output', join(dir, 'out.sarif')], {
      encoding: 'utf8',
      env: { ...process.env, DOTNET_SYSTEM_GLOBALIZATION_INVARIANT: '1' },
      timeout: 120_000,
    });
    expect(run.error).toBeUndefined();
    expect(run.status, `${run.stdout}\n${run.stderr}`).toBe(0);
    const out = JSON.parse(readFileSync(join(dir, 'out.sarif'), 'utf8'));
    const problems = out.runs
      .flatMap((r: { results?: { level?: string; ruleId?: string; message?: { text?: string } }[] }) => r.results ?? [])
      .filter((r: { level?: string }) => r.level === 'error' || r.level === 'warning');
    expect(problems.map((p: { ruleId?: string; message?: unknown }) => [p.ruleId, p.message])).toEqual([]);
  });
});
