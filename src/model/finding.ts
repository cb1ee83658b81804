import type { SourceLocation } from './provenance.js';

export type Severity = 'error' | 'warning' | 'notice';
export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'notice'];

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
  readonly remediation?: string;
  readonly docs?: string;
  /** Stable across runs and line moves: policy + resource + what failed. */
  readonly fingerprint: string;
  readonly consoleUrl?: string;
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
  /** What was checked: plan file, regions… */
  readonly target: { readonly planFile?: string; readonly regions?: readonly string[] };
  readonly counts: { readonly loadBalancers: number; readonly backends: number; readonly securityGroups: number };
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
