import type { Evidence } from '../../model/finding.js';
import type { FlowPath } from '../../model/flowPath.js';
import type { SourceLocation } from '../../model/provenance.js';
import type { InventoryResolver } from '../../net/inventoryResolver.js';
import type { CheckCache } from '../checkCache.js';
import type { ParamValue } from '../policyTypes.js';
import type { FixPlan } from '../remediation.js';
import type { Subject } from '../subjects.js';

export interface AssertionContext {
  readonly subject: Subject;
  readonly resolver: InventoryResolver;
  readonly params: ReadonlyMap<string, ParamValue>;
  /** What this check shares across subjects and policies. */
  readonly cache: CheckCache;
}

/** One way a policy does not hold (or cannot be decided) for one resource. */
export interface AssertionFailure {
  readonly status: 'fail' | 'unknown';
  readonly resource: string;
  readonly related: readonly string[];
  readonly evidence: readonly Evidence[];
  /** Values for the message template: refused, decidedBy, flow, reason… */
  readonly vars: ReadonlyMap<string, string>;
  readonly location: SourceLocation | null;
  /**
   * The exact fix for this failure, shown after the policy's general remediation; computed only
   * for findings that are kept. Plans with the same merge key become one fix for all of them.
   */
  readonly fix?: () => FixPlan | undefined;
  /** The whole path of the failing flow, every layer it crosses (for diagrams); only for kept findings. */
  readonly path?: () => FlowPath | undefined;
  /** Distinguishes several failures of one policy on one resource (e.g. two ineffective DROPs). */
  readonly key: string;
  readonly consoleUrl?: string;
}
