import { existsSync, statSync } from 'node:fs';
import { dirname, relative, resolve, sep } from 'node:path';
import { InputError } from '../errors/inputError.js';
import type { Logger } from '../logging/logger.js';
import { redactingLogger } from '../logging/redactingLogger.js';
import type { Report } from '../model/finding.js';
import type { Inventory } from '../model/inventory.js';
import type { Provenance } from '../model/provenance.js';
import { loadConfig } from '../policy/configLoader.js';
import type { LoadedConfig } from '../policy/policyTypes.js';
import { planToInventory, readPlan } from '../sources/plan/index.js';
import { loadHclParser } from '../terraform/hcl/index.js';
import { MAX_PLAN_BYTES, parsePlanBytes, planTooLarge, STDIN_PLAN } from '../terraform/planFileReader.js';
import { declaredIn, diskTfFiles, findDeclaringDirectory, rootDeclarationsOf, TerraformSources } from '../terraform/terraformSources.js';
import { checkInventory } from './checkInventory.js';
import { externalUnknownLine } from './externalUnknownLine.js';
import type { CheckOptions, PlanCheckOptions } from './options.js';
import { sensitiveTextOf } from './sensitiveTexts.js';

export { checkInventory, compareFindings, exitCodeFor } from './checkInventory.js';
export type { CheckOptions, FailOn, LiveCheckOptions, PlanCheckOptions, ResolveLiveOptions } from './options.js';

function todayUtc(): string {
  return new Date().toISOString().slice(0, 10);
}

/** The config of a run, and a line on stderr saying which file it came from. */
export async function loadRunConfig(options: CheckOptions): Promise<LoadedConfig> {
  const config = await loadConfig({
    cwd: options.cwd,
    ...(options.configFile ? { configFile: options.configFile } : {}),
    ...(options.policyPaths ? { policyPaths: options.policyPaths } : {}),
  });
  options.logger.info(
    config.file !== undefined
      ? `using config ${config.file}`
      : 'no .clb-guard.json found (searched up to the repository root): built-in policies with their default params',
  );
  return config;
}

/** Every warning of a run, once, on the logger (the CLI's stderr, the Action's warning lines). */
export function logWarnings(report: Report, logger: Logger): void {
  for (const warning of new Set(report.warnings)) logger.warning(warning);
}

export { STDIN_PLAN };

/** Plan mode: config and policies, then the plan, then the report. Throws InputError for user mistakes. */
export async function checkPlan(options: PlanCheckOptions): Promise<Report> {
  // The HCL grammar compiles (WebAssembly, off the main thread) while the config and the plan are
  // read; it is first needed to link the plan with its .tf files. Awaited below, failures included.
  const hclParser = loadHclParser();
  hclParser.catch(() => undefined);
  const config = await loadRunConfig(options);
  const cwd = resolve(options.cwd);
  const fromStdin = options.planFile === STDIN_PLAN;
  // Read and parse once: a second tf-root (below) only relinks the same plan.
  let plan: unknown;
  let file: string;
  ({ plan, file } = fromStdin
    ? { plan: parsePlanBytes(await readStdin(options.stdin), 'stdin'), file: 'stdin' }
    : readPlan(resolve(cwd, options.planFile), cwd));
  // The plan's text and untrimmed tree are garbage now: collected before linking adds its own.
  options.releaseGarbage?.();
  const read = async (tfRoot: string): Promise<Inventory> => planToInventory(plan, { file, tfRoot, repoRoot: cwd });
  const given = options.tfRoot !== undefined ? resolve(cwd, options.tfRoot) : undefined;
  if (given !== undefined && !existsSync(given)) throw new InputError(`--tf-root ${options.tfRoot}: no such folder`);
  if (given !== undefined && !statSync(given).isDirectory())
    throw new InputError(`--tf-root ${options.tfRoot}: not a folder; pass the folder of the root module's .tf files`);
  // Default: the plan file's folder when it holds .tf files (`infra/plan.json` next to `infra/main.tf`), else the workspace.
  const planDir = fromStdin ? undefined : dirname(resolve(cwd, options.planFile));
  let tfRoot = given ?? (planDir !== undefined && diskTfFiles.list(planDir).length > 0 ? planDir : cwd);
  await hclParser;
  let inventory = await options.logger.group('Reading the plan', () => read(tfRoot));

  const provenances = provenancesOf(inventory);
  if (provenances.length > 0 && !provenances.some((p) => p.location !== undefined)) {
    // Nothing in the plan has a line: the root module's .tf files are elsewhere. Look for them.
    const wanted = rootDeclarationsOf(provenances.map((p) => p.address));
    const search = findDeclaringDirectory(cwd, wanted);
    if (search.dir !== undefined && search.dir !== tfRoot && search.declared > declaredIn(tfRoot, wanted).declared) {
      options.logger.info(
        `${describe(tfRoot, cwd, given !== undefined)} declares none of the plan's resources; using the .tf files in ${display(search.dir, cwd)} (set --tf-root ${display(search.dir, cwd)} to say so)`,
      );
      tfRoot = search.dir;
      inventory = await read(tfRoot);
    } else if (search.truncated) {
      options.logger.debug(`stopped searching for the plan's .tf files after ${search.filesScanned} files`);
    }
  }
  // Values the plan marks sensitive decide like any other, but from here on no text shows them:
  // not a log line, not the report (scrubbed below, before anything renders or logs it).
  const sensitive = sensitiveTextOf(inventory);
  options.onSensitive?.(sensitive);
  const logger = sensitive.empty ? options.logger : redactingLogger(options.logger, sensitive);
  // Linked for good: the parsed plan can go before the policies run; a hybrid run keeps it, as it
  // reads the IDs of what the plan changes or deletes from it.
  const hybridPlan = options.resolveLive !== undefined ? plan : undefined;
  plan = undefined;
  if (hybridPlan === undefined) options.releaseGarbage?.();
  options.onInventory?.(inventory);
  const today = options.today ?? todayUtc();
  const target = { planFile: options.planFile };
  let report: Report;
  if (options.resolveLive !== undefined) {
    const sources = new TerraformSources(cwd);
    const locate = (address: string) => {
      const root = /^([a-z0-9_]+)\.([A-Za-z0-9_-]+)(?:\[[^\]]*\])?$/.exec(address);
      const block = root === null ? undefined : sources.resourceBlock(tfRoot, 'managed', root[1]!, root[2]!);
      return block === undefined ? undefined : sources.blockLocation(block);
    };
    // The plan reader keeps of `before` (and of the prior state of changed resources) the IDs
    // the hybrid check reads, so it reads the same parsed plan.
    const fullPlan = () => hybridPlan;
    // Loaded on demand: it brings the API client (the SDK), which a plan-only check never uses.
    const { checkHybrid } = await import('./hybridCheck.js');
    report = await checkHybrid(
      {
        plan: fullPlan,
        inventory,
        config,
        today,
        target,
        logger,
        locate,
        ...(options.paths !== undefined ? { paths: options.paths } : {}),
      },
      options.resolveLive,
    );
  } else {
    report = checkInventory(inventory, config, { today, target, ...(options.paths !== undefined ? { paths: options.paths } : {}) });
    if (report.findings.some((f) => f.status === 'unknown')) {
      const line = externalUnknownLine(report, inventory);
      if (!line.startsWith('0 ')) logger.info(`${line}; --resolve-live reads them from the account`);
    }
  }
  // Objects read from the account have no line of this plan, and pre-existing findings are not its to fix.
  const live = new Set(report.resolution?.objects.map((o) => o.id) ?? []);
  const lineless = report.findings.filter((f) => f.location === null && f.outsidePlan === undefined && !live.has(f.resource));
  if (lineless.length > 0) {
    const examples = [...new Set(lineless.map((f) => f.resource))].slice(0, 3).join(', ');
    report = {
      ...report,
      warnings: [
        ...report.warnings,
        `${lineless.length} of ${report.findings.length} ${report.findings.length === 1 ? 'finding has' : 'findings have'} no .tf line (${examples}${lineless.length > 3 ? ', …' : ''}): no .tf file under ${display(tfRoot, cwd)} or elsewhere in the repository declares their resources; they get no annotation and are left out of SARIF. Set --tf-root (Action input tf-root) to the folder of the root module's .tf files.`,
      ],
    };
  }
  if (!sensitive.empty) report = sensitive.redactDeep(report);
  logWarnings(report, logger);
  return report;
}

function describe(dir: string, cwd: string, given: boolean): string {
  return given ? `--tf-root ${display(dir, cwd)}` : `the default tf-root ${display(dir, cwd)}`;
}

function display(dir: string, cwd: string): string {
  const rel = relative(cwd, dir);
  if (rel === '') return '.';
  return rel.startsWith('..') ? dir : rel.split(sep).join('/');
}

/** The objects of an inventory that came from Terraform resources. */
export function provenancesOf(inventory: Inventory): Provenance[] {
  const maps = [
    inventory.loadBalancers,
    inventory.instances,
    inventory.networkInterfaces,
    inventory.securityGroups,
    inventory.networkAcls,
    inventory.subnets,
    inventory.vpcs,
    inventory.addressTemplates,
    inventory.addressTemplateGroups,
    inventory.serviceTemplates,
    inventory.serviceTemplateGroups,
  ] as ReadonlyMap<string, { readonly provenance: Provenance }>[];
  return maps.flatMap((map) => [...map.values()].map((value) => value.provenance));
}

/** The whole of stdin (bounded like a plan file); a terminal there means nothing was piped in. */
async function readStdin(stream: PlanCheckOptions['stdin']): Promise<Buffer> {
  const input = stream ?? process.stdin;
  if ((input as { isTTY?: boolean }).isTTY === true) {
    throw new InputError('plan -: stdin is a terminal; pipe the plan in, e.g. terraform show -json tfplan | clb-guard plan -');
  }
  const chunks: Buffer[] = [];
  let total = 0;
  try {
    for await (const chunk of input) {
      const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
      total += bytes.length;
      if (total > MAX_PLAN_BYTES) throw planTooLarge('stdin');
      chunks.push(bytes);
    }
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new InputError(`cannot read the plan from stdin: ${error instanceof Error ? error.message : String(error)}`);
  }
  return Buffer.concat(chunks);
}
