import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import reportSchema from '../../schema/report.schema.json' with { type: 'json' };
import { annotationsFor } from '../../src/report/annotations.js';
import { renderJson } from '../../src/report/jsonReport.js';
import { renderMarkdown } from '../../src/report/markdown.js';
import { renderSarif, SARIF_RESULT_LIMIT } from '../../src/report/sarifReport.js';
import { renderText } from '../../src/report/textReport.js';
import { finding, report } from './sampleReport.js';

const repoRoot = join(import.meta.dirname, '..', '..');
const sample = report([
  finding(),
  finding({
    policy: 'admin-port-not-public',
    title: 'SSH and RDP are not open to the internet',
    severity: 'warning',
    message: 'shop-web-0 admits 0.0.0.0/0 TCP:22.',
    fingerprint: 'fedcba9876543210fedcba9876543210',
    evidence: [],
    remediation: undefined,
  }),
  finding({
    status: 'unknown',
    resource: 'tencentcloud_instance.api',
    location: null,
    fingerprint: '00000000000000000000000000000001',
    message: 'Could not decide: the security group sg-ext is not in this check.',
  }),
]);

describe('JSON report', () => {
  const validate = new Ajv2020({ allErrors: true, strict: false }).compile(reportSchema);

  it('validates against schema/report.schema.json', () => {
    const parsed = JSON.parse(renderJson(sample));
    expect(validate(parsed), JSON.stringify(validate.errors)).toBe(true);
    expect(Object.keys(parsed).slice(0, 6)).toEqual(['version', 'tool', 'mode', 'complete', 'summary', 'findings']);
  });

  it('the schema rejects a report that breaks the contract', () => {
    const parsed = JSON.parse(renderJson(sample));
    delete parsed.findings[0].fingerprint;
    parsed.summary.error = -1;
    expect(validate(parsed)).toBe(false);
  });
});

describe('text report', () => {
  it('groups findings with location, message and fix, and ends with the totals', () => {
    expect(renderText(report([finding()]), { color: false, explain: false })).toBe(
      [
        'clb-guard plan plan.json',
        '1 load balancers, 2 backends, 1 security groups, 2 policies',
        '',
        'ERROR backend-allows-health-check  tencentcloud_instance.web[0]  examples/demo/main.tf:91',
        '  shop-web-0 refuses health checks of shop-web (TCP:443, probes to port 8444): refused VIP TCP:8444 (default deny).',
        '  fix Admit the health-check source on the health-check port.',
        '',
        '1 error, 0 warnings, 0 notices, 0 unknown',
        '',
      ].join('\n'),
    );
  });

  it('--explain adds the deciding rules', () => {
    const text = renderText(report([finding()]), { color: false, explain: true });
    expect(text).toContain('  why DENY VIP TCP:8444: default deny (no rule matched) [tencentcloud_security_group.web ingress]');
  });

  it('colours only when asked, and says loudly when a scan is incomplete', () => {
    expect(renderText(sample, { color: true, explain: false })).toContain('\x1b[1;31mERROR\x1b[0m');
    expect(renderText(sample, { color: false, explain: false })).not.toContain('\x1b[');
    expect(renderText(report([], { complete: false }), { color: false, explain: false })).toMatch(/^INCOMPLETE/);
  });

  it('says why a report is incomplete in the words of what it checked: the plan, the account, or the shards', () => {
    const text = (overrides: Parameters<typeof report>[1]) =>
      renderText(report([], { complete: false, ...overrides }), { color: false, explain: false }).split('\n')[0];
    expect(text({})).toMatch(/^INCOMPLETE: part of the plan .*could not be read or was deferred/);
    expect(text({ mode: 'live', target: { regions: ['ap-guangzhou'] } })).toMatch(/^INCOMPLETE: part of the account could not be read/);
    const shards = [{ account: 'shop', region: 'ap-guangzhou', status: 'missing' as const }];
    expect(text({ mode: 'live', target: { regions: ['ap-guangzhou'], shards } })).toMatch(
      /^INCOMPLETE: some account and region has no report/,
    );
    expect(renderMarkdown(report([], { complete: false }))).toContain('The check is **incomplete**: part of the plan');
  });

  it("lists the report's own reasons: text and Markdown the first ten, then how many more; JSON all, after complete", () => {
    const reasons = Array.from(
      { length: 12 },
      (_, i) => `tencentcloud_clb_listener.l_${i}: cannot tell which CLB this listener belongs to`,
    );
    const incomplete = report([], { complete: false, incompleteReasons: reasons });
    const text = renderText(incomplete, { color: false, explain: false }).split('\n');
    expect(text.slice(1, 12)).toEqual([...reasons.slice(0, 10).map((r) => `  - ${r}`), '  - … and 2 more (see the warnings)']);
    const markdown = renderMarkdown(incomplete);
    expect(markdown).toContain(`> - ${reasons[0]}`);
    // No findings, but not all clear.
    expect(markdown).not.toContain('All clear');
    expect(markdown).toContain('**No findings** from 2 policies on 1 load balancers and 2 backends, but the check is incomplete (above).');
    expect(markdown).toContain('> - … and 2 more (see the warnings)');
    const json = JSON.parse(renderJson(incomplete)) as Record<string, unknown>;
    expect(json['incompleteReasons']).toEqual(reasons);
    expect(Object.keys(json).slice(3, 5)).toEqual(['complete', 'incompleteReasons']);
    expect(Object.keys(JSON.parse(renderJson(report([]))))).not.toContain('incompleteReasons');
  });
});

describe('SARIF', () => {
  const sarifDir = join(repoRoot, 'node_modules', '@microsoft', 'sarif-multitool-linux');
  const official = JSON.parse(readFileSync(join(sarifDir, 'sarif-2.1.0.json'), 'utf8'));
  // The shipped schema is written in draft 2020-12.
  const validate = new Ajv2020({ allErrors: true, strict: false, validateFormats: false }).compile(official);

  it('validates against the official SARIF 2.1.0 schema', () => {
    const { sarif } = renderSarif(sample, { repoRoot, fileExists: () => true });
    expect(validate(sarif), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
  });

  it('an incomplete run fails its execution with a notification that says why, and stays valid', () => {
    const reason = 'tencentcloud_security_group_rule_set.web: cannot tell which security group these rules belong to';
    const { sarif } = renderSarif(report([], { complete: false, incompleteReasons: [reason] }), { repoRoot }) as {
      sarif: { runs: { invocations: { executionSuccessful: boolean; toolExecutionNotifications: unknown[] }[] }[] };
    };
    expect(validate(sarif), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
    const invocation = sarif.runs[0]!.invocations[0]!;
    expect(invocation.executionSuccessful).toBe(false);
    expect(invocation.toolExecutionNotifications).toEqual([
      expect.objectContaining({
        level: 'error',
        descriptor: { id: 'incomplete-check', index: 1 },
        message: { text: expect.stringContaining(reason) },
        properties: { reasons: [reason] },
      }),
    ]);
  });

  it("passes Microsoft's validator (Sarif.Multitool validate)", () => {
    const tool = join(sarifDir, 'Sarif.Multitool');
    // npm may skip the package's postinstall that marks it executable.
    chmodSync(tool, 0o755);
    const dir = mkdtempSync(join(tmpdir(), 'clb-guard-sarif-'));
    const file = join(dir, 'report.sarif');
    writeFileSync(file, JSON.stringify(renderSarif(sample, { repoRoot, fileExists: () => true }).sarif));
    const run = spawnSync(tool, ['validate', file, '--output', join(dir, 'out.sarif')], {
      encoding: 'utf8',
      env: { ...process.env, DOTNET_SYSTEM_GLOBALIZATION_INVARIANT: '1' },
      timeout: 120_000,
    });
    expect(run.error).toBeUndefined();
    expect(run.status, `${run.stdout}\n${run.stderr}`).toBe(0);
    const out = JSON.parse(readFileSync(join(dir, 'out.sarif'), 'utf8'));
    const errors = out.runs
      .flatMap((r: { results?: { level?: string }[] }) => r.results ?? [])
      .filter((r: { level?: string }) => r.level === 'error');
    expect(errors).toEqual([]);
  });

  it('has one rule per policy, levels by severity, fingerprints, and leaves out findings without a location', () => {
    const { sarif, omitted } = renderSarif(sample, { repoRoot, fileExists: () => true }) as {
      sarif: {
        runs: {
          tool: { driver: { rules: { id: string }[] } };
          results: { ruleId: string; level: string; partialFingerprints: Record<string, string> }[];
        }[];
      };
      omitted: number;
    };
    const run = sarif.runs[0]!;
    expect(run.tool.driver.rules.map((r) => r.id)).toEqual(['backend-allows-health-check', 'admin-port-not-public']);
    expect(run.results.map((r) => [r.ruleId, r.level])).toEqual([
      ['backend-allows-health-check', 'error'],
      ['admin-port-not-public', 'warning'],
    ]);
    expect(run.results[0]!.partialFingerprints['clbGuard/v1']).toBe('0123456789abcdef0123456789abcdef');
    expect(omitted).toBe(1);
  });

  it('leaves out results whose file is not in the repository, and caps results at 25,000', () => {
    expect(renderSarif(sample, { fileExists: () => false }).omitted).toBe(3);
    const many = report(
      Array.from({ length: SARIF_RESULT_LIMIT + 5 }, (_, i) => finding({ fingerprint: i.toString(16).padStart(32, '0') })),
    );
    const { sarif, omitted } = renderSarif(many, { fileExists: () => true }) as {
      sarif: { runs: { results: unknown[] }[] };
      omitted: number;
    };
    expect(sarif.runs[0]!.results).toHaveLength(SARIF_RESULT_LIMIT);
    expect(omitted).toBe(5);
  });
});

describe('Markdown (job summary and PR comment)', () => {
  it('says all clear when there is nothing to report', () => {
    expect(renderMarkdown(report([]))).toContain('✅ **All clear**');
  });

  it('stays under its size limit and says how many findings were left out', () => {
    const many = report(
      Array.from({ length: 400 }, (_, i) =>
        finding({ fingerprint: i.toString(16).padStart(32, '0'), message: `finding ${i} ${'x'.repeat(200)}` }),
      ),
    );
    const text = renderMarkdown(many, { maxChars: 65_536, overflowHint: 'the job summary' });
    expect(text.length).toBeLessThan(65_536);
    expect(text).toMatch(/… and \*\*\d+ more\*\* findings in the job summary\./);
  });

  it('keeps user text from breaking the Markdown around it', () => {
    const text = renderMarkdown(report([finding({ resource: 'a|b`<script>' })]));
    expect(text).toContain("a\\|b'&lt;script&gt;");
  });
});

describe('annotations', () => {
  it('sends the most severe first and replaces what GitHub would drop with one count per level', () => {
    const errors = Array.from({ length: 14 }, (_, i) => finding({ fingerprint: `${i}`.padStart(32, '0') }));
    const notes = [finding({ severity: 'notice', fingerprint: 'n'.padStart(32, '0') })];
    const annotations = annotationsFor(report([...notes, ...errors]));
    expect(annotations.filter((a) => a.level === 'error')).toHaveLength(10);
    expect(annotations[9]).toMatchObject({ level: 'error', title: 'clb-guard: 5 more errors' });
    expect(annotations[10]).toMatchObject({ level: 'notice', file: 'examples/demo/main.tf', startLine: 91, endLine: 101 });
  });
});
