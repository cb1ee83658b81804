import { InputError } from '../errors/inputError.js';
import type { Logger } from '../logging/logger.js';
import type { Finding, Report } from '../model/finding.js';
import type { Inventory } from '../model/inventory.js';
import type { SourceLocation } from '../model/provenance.js';
import type { LoadedConfig } from '../policy/policyTypes.js';
import { type BlastRadius, type Dependent, readPlanFacts, resolveHybrid } from '../sources/hybrid/index.js';
import { type CredentialSource, resolveCredentials } from '../sources/live/index.js';
import { callPacing } from './callPacing.js';
import { checkInventory } from './checkInventory.js';
import { externalUnknownLine } from './externalUnknownLine.js';
import type { ResolveLiveOptions } from './options.js';

interface HybridCheckInput {
  /** The whole plan JSON, `before` values and prior state included. */
  readonly plan: () => unknown;
  readonly inventory: Inventory;
  readonly config: LoadedConfig;
  readonly today: string;
  readonly target: Report['target'];
  readonly logger: Logger;
  /** The `.tf` line of a Terraform resource address, when its block can be found. */
  readonly locate: (address: string) => SourceLocation | undefined;
  /** Build the failing flows' paths (`CheckOptions.paths`): only reports that draw them need them. */
  readonly paths?: boolean;
}

/**
 * Plan mode with `--resolve-live`: the plan's external references are read from the account
 * and judged as if the plan had them; the live dependents of what the plan changes are judged
 * with the planned version, and each of their findings is either caused by the change (located
 * on the change's `.tf` line) or pre-existing (there with the live version too). Without
 * credentials the run is plan-only, with a line saying what that leaves unknown.
 */
export async function checkHybrid(input: HybridCheckInput, options: ResolveLiveOptions): Promise<Report> {
  const facts = readPlanFacts(input.plan());
  const regions =
    options.regions !== undefined && options.regions.length > 0 ? options.regions : facts.region !== undefined ? [facts.region] : undefined;
  if (regions === undefined)
    throw new InputError("--resolve-live needs a region: pass --region REGION, or set region in the plan's tencentcloud provider block");
  const env = options.env ?? process.env;
  let credentials: CredentialSource;
  try {
    credentials = await resolveCredentials(env, {
      ...(options.oidc ? { oidc: options.oidc } : {}),
      ...(options.apiEndpoint ? { apiEndpoint: options.apiEndpoint } : {}),
      ...(options.onSecret ? { onSecret: options.onSecret } : {}),
    });
  } catch (error) {
    // No credentials at all, or no ID token for OIDC (a fork's pull request): plan-only, as without --resolve-live.
    const noToken = error instanceof InputError && error.message.startsWith('OIDC: the runner gave no ID token');
    if (!(error instanceof InputError) || (!noToken && !error.message.startsWith('no Tencent Cloud credentials'))) throw error;
    const report = checkInventory(input.inventory, input.config, { today: input.today, target: input.target, ...pathsOption(input) });
    const why = noToken
      ? ' (the runner gave no OIDC ID token: a pull request from a fork, or a job without `permissions: id-token: write`)'
      : '';
    const line = `--resolve-live: no Tencent Cloud credentials${why}, so the plan was checked alone; ${externalUnknownLine(report, input.inventory)}`;
    return { ...report, warnings: [...report.warnings, line] };
  }
  const hybrid = await resolveHybrid(input.inventory, facts, {
    regions,
    credentials,
    logger: input.logger,
    ...callPacing(env),
    ...(options.apiEndpoint ? { apiEndpoint: options.apiEndpoint } : {}),
    ...(options.rateLimits ? { rateLimits: options.rateLimits } : {}),
    ...(options.budgetPerRegion ? { budgetScope: 'region' as const } : {}),
  });
  const planned = checkInventory(hybrid.planned, input.config, { today: input.today, target: input.target, ...pathsOption(input) });
  const live =
    hybrid.blast.dependents.size > 0
      ? checkInventory(hybrid.live, input.config, { today: input.today, target: input.target, ...pathsOption(input) })
      : undefined;
  const r = hybrid.resolution;
  const absent = r.objects.filter((o) => o.reason !== undefined);
  const findings = planned.findings.map((f) =>
    withAbsenceReason(live === undefined ? f : classified(f, live, hybrid.blast, input.locate), absent),
  );
  const read = r.objects.filter((o) => o.status === 'live').length;
  const calls = Object.values(r.calls).reduce((a, b) => a + b, 0);
  input.logger.info(
    `resolved ${read} of ${r.objects.length} external objects in ${regions.join(', ')} (${calls} API calls)${r.dependents.length > 0 ? `; ${r.dependents.length} live backends outside the plan depend on its changes` : ''}${r.complete ? '' : '; incomplete: some calls kept failing'}`,
  );
  return { ...planned, findings, resolution: r };
}

/**
 * The engine names the list it could not read ("rules of sg-…"); the finding says why: the
 * account has no such group, the plan deletes it, or the plan adds rules to it at a place it
 * does not say.
 */
function withAbsenceReason(finding: Finding, absent: readonly { id: string; reason?: string }[]): Finding {
  if (finding.status !== 'unknown') return finding;
  const text = [finding.message, ...finding.evidence.map((e) => e.reason ?? '')].join(' ');
  const reasons = absent.filter((o) => new RegExp(`\\b${o.id}\\b`).test(text)).map((o) => o.reason!);
  return reasons.length === 0 ? finding : { ...finding, message: `${finding.message} ${reasons.join('; ')}.` };
}

/**
 * The live dependent a finding is about: its resource (a live instance or CLB read for the blast
 * radius), or one it names as related (a finding on the planned ACL about a live backend).
 */
function dependentOf(finding: Finding, blast: BlastRadius): Dependent | undefined {
  for (const ref of [finding.resource, ...finding.related]) {
    const direct = blast.dependents.get(ref);
    if (direct !== undefined) return direct;
  }
  if (blast.loadBalancers.has(finding.resource))
    return [...blast.dependents.values()].find((d) => d.loadBalancers.includes(finding.resource));
  return undefined;
}

/** Findings on a live dependent: caused by the change, or there already. */
function classified(finding: Finding, live: Report, blast: BlastRadius, locate: (address: string) => SourceLocation | undefined): Finding {
  const dependent = dependentOf(finding, blast);
  if (dependent === undefined) return finding;
  const preexisting = live.findings.some((l) => l.fingerprint === finding.fingerprint && l.status === finding.status);
  const change = dependent.change;
  const where = `live ${dependent.backend}${dependent.loadBalancers.length > 0 ? ` behind ${dependent.loadBalancers.join(', ')}` : ''}, outside this plan`;
  const outsidePlan = {
    change: change.addresses,
    changed: change.id,
    backend: dependent.backend,
    loadBalancers: dependent.loadBalancers,
    consoleUrls: dependent.consoleUrls,
    preexisting,
  };
  // Not this plan's doing: no line of the PR carries it.
  if (preexisting)
    return {
      ...finding,
      location: null,
      message: `${finding.message} (pre-existing on ${where}: it fails with the live ${change.id} too, so this plan does not cause it)`,
      outsidePlan,
    };
  const location = finding.location ?? change.addresses.map(locate).find((l) => l !== undefined) ?? null;
  return {
    ...finding,
    location,
    message: `${finding.message} Caused by this plan's change to ${change.id} (${change.addresses.join(', ')}): it breaks ${where}.`,
    outsidePlan,
  };
}

function pathsOption(input: HybridCheckInput): { paths?: boolean } {
  return input.paths !== undefined ? { paths: input.paths } : {};
}
