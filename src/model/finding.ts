import type { FlowPath } from './flowPath.js';
import type { SourceLocation } from './provenance.js';
import type { Severity } from './severity.js';

export type { Severity } from './severity.js';

/** `fail`: the policy does not hold. `unknown`: it could not be decided (a value was unknown). */
export type FindingStatus = 'fail' | 'unknown';

/** One rule (or default) that decided part of the traffic, for the explanation. */
export interface Evidence {
  /** What was asked: "172.16.0.0/16 → TCP 9000 (clients)". */
  readonly flow?: string;
  /** `allow`, `deny` or `unknown`. */
  readonly verdict: 'allow' | 'deny' | 'unknown';
  /** The part of the flow this evidence is about: "0.0.0.0/0 except 172.16.1.0/24, TCP 9000". */
  readonly part?: string;
  /** Security group or ACL key, absent for a default deny with no list. */
  readonly list?: string;
  /** `ingress` / `egress`. */
  readonly direction?: string;
  /** Position in the list (0-based) of the written rule that decided; absent when no written rule did. */
  readonly index?: number;
  /**
   * True when the list's implicit final DROP decided (no rule matched): then `index` is absent
   * and `list` is the list that ended (a security-group list, an interface's groups, an ACL).
   */
  readonly defaultDeny?: true;
  /** The rule as text: "DROP 45.33.0.0/16 TCP:8443", or "default deny". */
  readonly rule: string;
  readonly location?: SourceLocation | null;
  /** Why an unknown part is unknown. */
  readonly reason?: string;
}

/** An API 3.0 call that makes the change: `vpc CreateSecurityGroupPolicies {…}`. */
export interface ApiCall {
  readonly service: 'vpc' | 'cvm' | 'clb';
  readonly action: string;
  readonly request: Readonly<Record<string, unknown>>;
}

/**
 * One change that fixes one or more findings. Findings that one change fixes carry the same fix
 * (same `id`): reporters show it once, with the findings it fixes.
 */
export interface Fix {
  /** Stable across runs: derived from what the change is, not from the findings. */
  readonly id: string;
  /** Prose: what to change, in which resource (the one that holds the rule) and at which .tf line. */
  readonly text: string;
  /** The resource to edit: rule set, lite rule, single rule, instance or CLB (plan), cloud ID (live). */
  readonly resource?: string;
  readonly location?: SourceLocation | null;
  /** A Terraform snippet (modern HCL, no interpolation-only strings). */
  readonly hcl?: string;
  /** The same change with the API. */
  readonly api?: ApiCall;
  /** How many rules the change adds or edits (for "one rule fixes 3 findings"). */
  readonly rules: number;
}

/** The fix as plain text: prose, the HCL snippet, then the API call. */
export function fixAsText(fix: Fix): string {
  return [
    fix.text,
    ...(fix.hcl ? [fix.hcl] : []),
    ...(fix.api ? [`or with API 3.0: ${fix.api.service} ${fix.api.action} ${JSON.stringify(fix.api.request)}`] : []),
  ].join('\n');
}

export interface FixGroup {
  readonly fix: Fix;
  readonly findings: readonly Finding[];
}

/** The fixes of these findings, each once, in the order of their first finding. */
export function fixGroupsOf(findings: readonly Finding[]): FixGroup[] {
  const groups = new Map<string, { fix: Fix; findings: Finding[] }>();
  for (const f of findings) {
    if (f.fix === undefined) continue;
    const group = groups.get(f.fix.id) ?? { fix: f.fix, findings: [] };
    group.findings.push(f);
    groups.set(f.fix.id, group);
  }
  return [...groups.values()];
}

/** "One rule fixes 3 findings on tencentcloud_instance.api" / "One change fixes 2 findings on a, b". */
export function fixSummary(group: FixGroup): string {
  const n = group.findings.length;
  const subject = group.fix.rules === 1 ? 'One rule' : group.fix.rules === 0 ? 'One change' : `One change (${group.fix.rules} rules)`;
  const resources = [...new Set(group.findings.map((f) => f.resource))];
  const on = resources.length <= 3 ? resources.join(', ') : `${resources.slice(0, 3).join(', ')} and ${resources.length - 3} more`;
  return `${subject} fixes ${n === 1 ? '1 finding' : `${n} findings`} on ${on}`;
}

/** The neutral result every source → policy produces and every reporter consumes. */
export interface Finding {
  readonly policy: string;
  readonly title: string;
  readonly severity: Severity;
  readonly status: FindingStatus;
  /** The resource to fix: Terraform address (plan) or cloud ID (live). */
  readonly resource: string;
  readonly related: readonly string[];
  readonly message: string;
  readonly location: SourceLocation | null;
  readonly evidence: readonly Evidence[];
  /** The whole remediation as text: the policy's general advice, then the exact fix. */
  readonly remediation?: string;
  /** The policy's general advice alone (without the fix), for reporters that show the fix apart. */
  readonly advice?: string;
  /** The exact change; shared (same id) by every finding it fixes. */
  readonly fix?: Fix;
  /** Reachability failures: the failing flows' whole paths, layer by layer (at most a few). */
  readonly paths?: readonly FlowPath[];
  readonly docs?: string;
  /** Stable across runs and line moves: policy + resource + what failed. */
  readonly fingerprint: string;
  readonly consoleUrl?: string;
  /** Merged reports: the account the finding was found in. */
  readonly account?: string;
  /** Live reports: the region its resource was read in. */
  readonly region?: string;
  /** Hybrid runs: a live object outside the plan that a planned change reaches (blast radius). */
  readonly outsidePlan?: OutsidePlan;
}

/** Where a blast-radius finding comes from, and whether the change causes it. */
export interface OutsidePlan {
  /** The Terraform resources whose change reaches the backend. */
  readonly change: readonly string[];
  /** The changed object's cloud ID. */
  readonly changed: string;
  /** The live backend (cloud ID) judged with the planned version of the changed object. */
  readonly backend: string;
  /** The live CLBs outside the plan that send it traffic. */
  readonly loadBalancers: readonly string[];
  readonly consoleUrls: readonly string[];
  /** True when the finding is there with the live version too: not caused by the change. */
  readonly preexisting: boolean;
}

/** Hybrid runs: the objects the plan names by ID, as read from the account. */
export interface LiveResolution {
  readonly regions: readonly string[];
  readonly objects: readonly {
    readonly id: string;
    readonly kind: string;
    readonly status: 'live' | 'notFound' | 'deletedByPlan' | 'failed';
    readonly reason?: string;
  }[];
  /** Live backends outside the plan read because a planned change reaches them. */
  readonly dependents: readonly string[];
  /** API calls per action. */
  readonly calls: Readonly<Record<string, number>>;
  /** False when some calls kept failing: what they were for is unknown. */
  readonly complete: boolean;
}

/** A configured exception that matched, or that expired. */
export interface ExceptionUse {
  readonly policy: string;
  readonly resource: string;
  readonly reason: string;
  readonly expires: string;
  readonly expired: boolean;
  /** How many findings it suppressed. */
  readonly suppressed: number;
}

export interface Report {
  readonly version: 1;
  readonly tool: { readonly name: 'clb-guard'; readonly version: string };
  readonly mode: 'plan' | 'live';
  readonly complete: boolean;
  /** Why it is not complete, when the source says (plan mode): one line each. */
  readonly incompleteReasons?: readonly string[];
  readonly summary: {
    readonly error: number;
    readonly warning: number;
    readonly notice: number;
    readonly unknown: number;
  };
  readonly findings: readonly Finding[];
  /** Policies that ran, for SARIF rules and the summary table. */
  readonly policies: readonly PolicyInfo[];
  readonly exceptions: readonly ExceptionUse[];
  readonly warnings: readonly string[];
  /** What was checked: plan file, regions, account, snapshot; a merged report's shards. */
  readonly target: {
    readonly planFile?: string;
    readonly regions?: readonly string[];
    readonly account?: string;
    readonly snapshot?: string;
    readonly shards?: readonly ShardStatus[];
  };
  readonly counts: { readonly loadBalancers: number; readonly backends: number; readonly securityGroups: number };
  /** Plan mode with --resolve-live: what was read from the account. */
  readonly resolution?: LiveResolution;
}

/** One account and region of a merged report, and whether its scan arrived whole. */
export interface ShardStatus {
  readonly account: string;
  readonly region: string;
  readonly status: 'complete' | 'incomplete' | 'missing';
  /** The report file it came from. */
  readonly report?: string;
  /** Why it is not complete. */
  readonly reason?: string;
  /** What its report checked (for a report of several regions: all of them). */
  readonly counts?: Report['counts'];
}

export interface PolicyInfo {
  readonly id: string;
  readonly title: string;
  readonly description: string;
  readonly severity: Severity;
  readonly remediation?: string;
  readonly docs?: string;
  /** Where the policy came from: `builtin` or the policy file path. */
  readonly source: string;
}
