import { readFile } from 'node:fs/promises';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import reportSchema from '../../schema/report.schema.json' with { type: 'json' };
import { shardsOf } from '../check/shards.js';
import { InputError } from '../errors/inputError.js';
import type { Logger } from '../logging/logger.js';
import { type Finding, type Fix, fixAsText, type Report } from '../model/finding.js';
import { loadConfig } from '../policy/configLoader.js';
import { parseJsonDocument } from '../policy/jsonDocument.js';
import { PolicyProblems } from '../policy/policyLoader.js';
import { problemsOf } from '../policy/schemaValidation.js';
import type { ExpectedShard, ShardReport } from './mergeReports.js';

type FixJson = Omit<Fix, 'location'> & { readonly location: Fix['location'] };
type FindingJson = Omit<Finding, 'fix'> & { readonly fix?: string };
type ReportJson = Omit<Report, 'findings'> & {
  readonly findings: readonly FindingJson[];
  readonly fixes: readonly (FixJson & { summary: string; findings: string[] })[];
};

let validator: ValidateFunction | undefined;
const validate = (): ValidateFunction =>
  (validator ??= new Ajv2020({ allErrors: true, strictTypes: false, verbose: true }).compile(reportSchema));

/**
 * A shard's JSON report (`--format json`, the Action's report-file), checked against
 * schema/report.schema.json — a broken one is refused on its located lines, never half-merged —
 * and read back into the report it was written from (findings with their fixes).
 */
export async function readReportFile(path: string, display: string): Promise<Report> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new InputError(
      code === 'ENOENT' ? 'no such report file' : code === 'EISDIR' ? 'is a folder, not a report' : `cannot be read (${code ?? 'error'})`,
      { file: display },
    );
  }
  const doc = parseJsonDocument(text, display);
  const value = doc.value as { takenAt?: unknown; regions?: unknown } | null;
  if (typeof value === 'object' && value !== null && 'takenAt' in value && Array.isArray(value.regions)) {
    throw new InputError('is a snapshot, not a report: check it with clb-guard live --snapshot FILE --format json, and merge that report', {
      file: display,
    });
  }
  const problems = problemsOf(doc, validate());
  if (problems.length > 0) throw new PolicyProblems(problems);
  const json = doc.value as ReportJson;
  const fixes = new Map(json.fixes.map(({ summary: _summary, findings: _findings, ...fix }) => [fix.id, fix as Fix]));
  const findings = json.findings.map(({ fix, ...finding }): Finding => {
    const found = fix === undefined ? undefined : fixes.get(fix);
    const advice = adviceOf(finding.remediation, found);
    return { ...finding, ...(advice !== undefined ? { advice } : {}), ...(found !== undefined ? { fix: found } : {}) };
  });
  const { fixes: _fixes, ...report } = json;
  return { ...report, findings };
}

/**
 * The policy's advice alone, which the JSON report writes only as part of `remediation` (the
 * advice, then the fix as text): the reporters show it apart from a fix they show themselves.
 */
function adviceOf(remediation: string | undefined, fix: Fix | undefined): string | undefined {
  if (remediation === undefined || fix === undefined) return remediation;
  const exact = fixAsText(fix);
  if (remediation === exact) return undefined;
  // A remediation that does not end with its fix was not written by clb-guard's reporter: all of it is advice.
  return remediation.endsWith(`\n${exact}`) ? remediation.slice(0, -exact.length - 1) : remediation;
}

/** The shards' report files (as given, and as shown), read and checked in that order. */
export async function readShardReports(files: readonly { readonly path: string; readonly display: string }[]): Promise<ShardReport[]> {
  const shards: ShardReport[] = [];
  for (const { path, display } of files) shards.push({ file: display, report: await readReportFile(path, display) });
  return shards;
}

/**
 * The account and region pairs that must have a report: the config's accounts × regions. Only
 * they matter to a merge (no policy runs), so that is what the line on the log says.
 */
export async function expectedShards(options: {
  readonly cwd: string;
  readonly configFile?: string;
  readonly logger: Logger;
}): Promise<ExpectedShard[]> {
  const config = await loadConfig({ cwd: options.cwd, ...(options.configFile !== undefined ? { configFile: options.configFile } : {}) });
  const expected = shardsOf(config.accounts ?? []).map(({ account, region }) => ({ account, region }));
  options.logger.info(
    config.file === undefined
      ? 'no .clb-guard.json found: the reports given are merged as they are, and no account or region is required to have one'
      : expected.length === 0
        ? `using config ${config.file}: it lists no "accounts", so no account or region is required to have a report`
        : `using config ${config.file}: ${expected.length} account and region ${expected.length === 1 ? 'pair' : 'pairs'} must each have a report`,
  );
  return expected;
}

/** The sections that make a merged report incomplete, for the one error line: "shop ap-beijing (no report), …". */
export function incompleteShardsText(report: Report): string {
  return (report.target.shards ?? [])
    .filter((s) => s.status !== 'complete')
    .map((s) => `${s.account} ${s.region} (${s.status === 'missing' ? 'no report' : 'incomplete scan'})`)
    .join(', ');
}
