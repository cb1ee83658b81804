import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parse, parseAllDocuments } from 'yaml';
import { readActionInputs } from '../../src/action/actionInputs.js';
import { shardsOf } from '../../src/check/shards.js';
import { parseCommand } from '../../src/cli/cliArguments.js';
import { loadConfig } from '../../src/policy/configLoader.js';

/** The README's scale-out recipes, read as GitHub and Kubernetes would read them. */
const repoRoot = join(import.meta.dirname, '..', '..');
const readme = readFileSync(join(repoRoot, 'README.md'), 'utf8');
const action = parse(readFileSync(join(repoRoot, 'action.yml'), 'utf8')) as { inputs: Record<string, unknown> };
const section = readme.slice(readme.indexOf('### Many accounts and regions'), readme.indexOf('## Configuring and writing policies'));
const fence = '```';
const block = (lang: string) => [...section.matchAll(new RegExp(`${fence}${lang}\\n([\\s\\S]*?)${fence}`, 'g'))].map((m) => m[1]!);

interface Step {
  id?: string;
  uses?: string;
  run?: string;
  if?: string;
  with?: Record<string, unknown>;
}
interface Job {
  needs?: string;
  if?: string;
  strategy?: { 'fail-fast'?: boolean; 'max-parallel'?: number; matrix?: unknown };
  outputs?: Record<string, string>;
  steps: Step[];
}
const [workflowText] = block('yaml');
const workflow = parse(workflowText!) as { on: unknown; jobs: Record<string, Job> };
const ours = (job: Job) => job.steps.filter((s) => s.uses?.startsWith('clb-guard/clb-guard@'));

/** The shards the README's config gives, read by the config loader (so it is valid, too). */
async function readmeShards() {
  const [configText] = block('json');
  const dir = mkdtempSync(join(tmpdir(), 'clb-guard-readme-'));
  mkdirSync(join(dir, '.git'));
  writeFileSync(join(dir, '.clb-guard.json'), configText!);
  const config = await loadConfig({ cwd: dir });
  return shardsOf(config.accounts ?? []);
}

/** `${{ matrix.x }}` → the shard's value, as the runner would substitute it. */
function substitute(value: unknown, shard: Record<string, string>): string {
  return String(value).replace(/\$\{\{\s*matrix\.(\w+)\s*\}\}/g, (_m, key: string) => shard[key] ?? '');
}

const saved = { ...process.env };
afterEach(() => {
  for (const key of Object.keys(process.env)) if (!(key in saved)) delete process.env[key];
});

describe('the README scale-out workflow', () => {
  it('is a matrix of shards from clb-guard shards, fail-fast off, bounded parallelism, then a merge job that runs even when shards failed', () => {
    expect(workflow.on).toBeDefined();
    const { shards, scan, merge } = workflow.jobs;
    expect(shards!.steps.find((s) => s.id === 'shards')?.run).toMatch(/clb-guard shards\)" >> "\$GITHUB_OUTPUT"$/);
    expect(scan!.needs).toBe('shards');
    expect(scan!.strategy?.['fail-fast']).toBe(false);
    expect(scan!.strategy?.['max-parallel']).toBeGreaterThan(0);
    expect(scan!.strategy?.['max-parallel']).toBeLessThanOrEqual(20);
    expect(scan!.strategy?.matrix).toBe('${{ fromJSON(needs.shards.outputs.matrix) }}');
    expect(merge!.needs).toBe('scan');
    expect(merge!.if).toBe('always()');
  });

  it('names each artifact clb-guard-<account>-<region>, and the merge downloads them all into one folder', () => {
    const upload = workflow.jobs.scan!.steps.find((s) => s.uses?.startsWith('actions/upload-artifact@'));
    expect(upload?.with?.name).toBe('clb-guard-${{ matrix.account }}-${{ matrix.region }}');
    expect(upload?.if).toBe('always()');
    const download = workflow.jobs.merge!.steps.find((s) => s.uses?.startsWith('actions/download-artifact@'));
    expect(download?.with).toMatchObject({ pattern: 'clb-guard-*', 'merge-multiple': true });
    // The report each shard copies out is what the merge's glob takes (and its snapshot is not).
    const copied = workflow.jobs.scan!.steps.find((s) => s.run?.startsWith('cp '))?.run ?? '';
    const merged = ours(workflow.jobs.merge!)[0]!.with!;
    expect(merged.reports).toBe(`${download!.with!.path}/*.report.json`);
    expect(copied).toMatch(/\.report\.json"$/);
    expect(String(ours(workflow.jobs.scan!)[0]!.with!['save-snapshot'])).not.toMatch(/\.report\.json$/);
  });

  it("uses only real inputs and modes: each clb-guard step's inputs are accepted by the Action, for every shard of the README's config", async () => {
    const shards = await readmeShards();
    expect(shards.length).toBeGreaterThan(1);
    const steps = Object.values(workflow.jobs).flatMap(ours);
    expect(steps.map((s) => s.with?.mode)).toEqual(['live', 'merge']);
    const matrixKeys = new Set(shards.flatMap((s) => Object.keys(s)));
    for (const step of steps) {
      for (const [key, value] of Object.entries(step.with ?? {})) {
        expect(Object.keys(action.inputs), `input ${key}`).toContain(key);
        for (const [, name] of String(value).matchAll(/matrix\.(\w+)/g)) expect(matrixKeys, `matrix.${name}`).toContain(name);
      }
      for (const shard of shards) {
        const given = new Map(
          Object.entries(step.with ?? {}).map(([key, value]) => [key, substitute(value, shard as unknown as Record<string, string>)]),
        );
        const inputs = readActionInputs(
          (name) => given.get(name) ?? '',
          () => {},
        );
        expect(inputs.mode).toBe(step.with?.mode);
        if (inputs.mode === 'live')
          expect(inputs).toMatchObject({
            account: shard.account,
            regions: [shard.region],
            roleArn: shard.role,
            oidcProviderId: shard.oidcProviderId,
          });
      }
    }
  });
});

describe('the README Kubernetes Indexed Job', () => {
  const [manifest] = block('yml');
  const docs = parseAllDocuments(manifest!).map(
    (d) =>
      d.toJS() as {
        kind: string;
        spec: { completionMode?: string; completions?: number; template: { spec: { containers: { args: string[] }[] } } };
      },
  );

  it('is an Indexed Job whose pods pick their shard by JOB_COMPLETION_INDEX, and a merge Job', () => {
    expect(docs.map((d) => d.kind)).toEqual(['Job', 'Job']);
    expect(docs[0]!.spec.completionMode).toBe('Indexed');
    const args = docs[0]!.spec.template.spec.containers[0]!.args.join(' ');
    expect(args).toContain('--index "$JOB_COMPLETION_INDEX"');
    expect(args).toContain('--shard "$JOB_COMPLETION_INDEX"');
    expect(docs[1]!.spec.template.spec.containers[0]!.args.join(' ')).toMatch(/clb-guard merge \/reports\/\*\.report\.json/);
  });

  it('runs only real clb-guard commands and options', () => {
    const commands = docs
      .flatMap((d) => d.spec.template.spec.containers.flatMap((c) => c.args.join(' ').split(/&&|\|/)))
      .filter((c) => c.includes('clb-guard '));
    expect(commands.length).toBe(3);
    for (const command of commands) {
      const argv = command
        .trim()
        .replace(/^.*npx --yes clb-guard /, '')
        .replace(/"\$JOB_COMPLETION_INDEX"/g, '0')
        .replace(/\$JOB_COMPLETION_INDEX/g, '0')
        .replace(/\)$/, '')
        .split(/\s+/);
      expect(() => parseCommand(argv), command).not.toThrow();
    }
  });
});
