import type { Severity } from '../model/finding.js';

/** The subject a policy is evaluated for, once per object of that kind. */
export type SubjectKind = 'loadBalancer' | 'listener' | 'backend' | 'instance' | 'securityGroup' | 'networkAcl';

export type Scalar = string | number | boolean | null;

/** Filters and field comparisons over a subject's fields. */
export type Condition =
  | { readonly all: readonly Condition[] }
  | { readonly any: readonly Condition[] }
  | { readonly not: Condition }
  | FieldCondition;

export interface FieldCondition {
  readonly field: string;
  readonly equals?: Scalar;
  readonly notEquals?: Scalar;
  readonly in?: readonly Scalar[];
  /** true: the field has a value (a non-empty list); false: it has none. */
  readonly exists?: boolean;
  /** Every address of the field lies in one of these CIDRs. */
  readonly inCidr?: string | readonly string[];
  readonly greaterThan?: number;
  readonly lessThan?: number;
}

/** Which layers a flow must pass. */
export type Layer = 'securityGroups' | 'networkAcl' | 'loadBalancerSecurityGroups';

export interface FlowSpec {
  /** Named sets (`clients`, `lb.vips`, `healthCheck.source`, `snat.ips`, `params.NAME`) or CIDRs. */
  readonly from: readonly string[];
  /** Named ports (`backend.port`, `healthCheck.port`, `listener.port`, `params.NAME`), numbers or `8000-8010`. */
  readonly ports?: readonly (string | number)[];
  /** `listener` (the listener's transport: TCP, or UDP for UDP/QUIC), or a protocol name. */
  readonly protocol?: string;
  readonly through: readonly Layer[];
}

export interface ReachableAssert extends FlowSpec {
  /**
   * A refusal by an explicit DROP whose source is narrower than the whole `from` set is a
   * deliberate block, not a failure (deny-lists in front of a broad ACCEPT).
   */
  readonly allowDeliberateDrops?: boolean;
}

export interface NotReachableAssert extends FlowSpec {
  /** Only count traffic admitted by an ACCEPT rule whose source covers the whole `from` set. */
  readonly byRuleCoveringSource?: boolean;
}

export type Assertion =
  | { readonly all: readonly Assertion[] }
  | { readonly if: Condition; readonly then: Assertion }
  | { readonly reachable: ReachableAssert }
  | { readonly notReachable: NotReachableAssert }
  | { readonly noIneffectiveDeny: { readonly direction?: 'ingress' | 'egress' } }
  | { readonly denyEffectiveForLoadBalancerTraffic: Record<string, never> }
  | { readonly check: Condition };

export interface Policy {
  readonly id: string;
  readonly title: string;
  readonly description: string;
  readonly severity: Severity;
  readonly subject: SubjectKind;
  readonly where?: Condition;
  readonly assert: Assertion;
  readonly message: string;
  readonly remediation?: string;
  readonly docs?: string;
  /** Defaults for this policy's params; config params override them. */
  readonly params?: Readonly<Record<string, ParamValue>>;
}

export type ParamValue = string | number | boolean | readonly string[];

export interface PolicyFile {
  readonly policies: readonly Policy[];
}

export type PolicySetting =
  | 'off'
  | Severity
  | { readonly severity?: Severity | 'off'; readonly params?: Readonly<Record<string, ParamValue>> };

export interface ExceptionEntry {
  readonly policy: string;
  /** Terraform address or cloud ID; `*` and `?` wildcards. */
  readonly resource: string;
  readonly reason: string;
  /** YYYY-MM-DD; the exception stops applying after that day. */
  readonly expires: string;
}

export interface ConfigFile {
  /** Policy files or directories to load besides the built-in pack. */
  readonly include?: readonly string[];
  readonly policies?: Readonly<Record<string, PolicySetting>>;
  readonly params?: Readonly<Record<string, ParamValue>>;
  readonly exceptions?: readonly ExceptionEntry[];
  readonly accounts?: readonly AccountEntry[];
}

/** An account to scan as shards (one per region) on a GitHub Actions matrix. */
export interface AccountEntry {
  readonly name: string;
  readonly roleArn?: string;
  readonly oidcProviderId?: string;
  readonly regions: readonly string[];
}

/** A policy ready to run: its effective severity and params, and where it came from. */
export interface LoadedPolicy {
  readonly policy: Policy;
  readonly severity: Severity;
  readonly params: ReadonlyMap<string, ParamValue>;
  /** `builtin` or the policy file path. */
  readonly source: string;
}

export interface LoadedConfig {
  readonly file?: string;
  readonly policies: readonly LoadedPolicy[];
  readonly exceptions: readonly (ExceptionEntry & { readonly line?: number; readonly index?: number })[];
  readonly accounts?: readonly AccountEntry[];
}
