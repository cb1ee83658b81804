import type { Logger } from '../logging/logger.js';
import type { Inventory } from '../model/inventory.js';
import type { SensitiveText } from '../model/sensitiveText.js';

/** What both modes share: which config and extra policy files, and where to log. */
export interface CheckOptions {
  /** `.clb-guard.json` path; default: `<cwd>/.clb-guard.json` when it exists. */
  readonly configFile?: string;
  /** Extra policy files or directories, besides the built-in pack and the config's. */
  readonly policyPaths?: readonly string[];
  /** Repository root: locations in findings are relative to it. */
  readonly cwd: string;
  readonly logger: Logger;
  /** Today's date for exception expiry (YYYY-MM-DD); default: the current UTC date. */
  readonly today?: string;
  /** Called with the inventory the check runs on (`explain` looks names up in it). */
  readonly onInventory?: (inventory: Inventory) => void;
}

export interface PlanCheckOptions extends CheckOptions {
  readonly planFile: string;
  /**
   * Directory with the root module's `.tf` files; default: the plan file's folder when it holds
   * `.tf` files, else `cwd`. When it declares none of the plan's resources, the repository (`cwd`)
   * is searched for the folder that does.
   */
  readonly tfRoot?: string;
  /** Where `planFile: '-'` is read from; default `process.stdin`. */
  readonly stdin?: AsyncIterable<Buffer | string> & { readonly isTTY?: boolean };
  /** Hybrid: read what the plan names by ID, and the live dependents of what it changes, from the account. */
  readonly resolveLive?: ResolveLiveOptions;
  /**
   * Build the failing flows' whole paths (`Finding.paths`; default true): the Markdown report and
   * `explain` draw them, the JSON, SARIF and text reports do not, and a large plan spends a good
   * part of its evaluation on them.
   */
  readonly paths?: boolean;
  /**
   * Called when most of what was read has just become garbage: once the parsed plan is trimmed
   * and once it is linked and dropped. The process entries pass a full collection
   * (`tuneHeapForOneCheck`), which keeps the peak memory near the bare parse's; a library caller
   * need not.
   */
  readonly releaseGarbage?: () => void;
  /**
   * Called once the plan is read with what it marks sensitive (possibly nothing). The report is
   * already scrubbed of it; the Action masks each value in the runner's log and scrubs what it
   * publishes once more.
   */
  readonly onSensitive?: (sensitive: SensitiveText) => void;
}

/** `plan --resolve-live`: live mode's credentials and endpoint; the region defaults to the plan's provider's. */
export interface ResolveLiveOptions {
  readonly regions?: readonly string[];
  readonly apiEndpoint?: string;
  readonly env?: Readonly<Record<string, string | undefined>>;
  readonly oidc?: LiveCheckOptions['oidc'];
  readonly onSecret?: (secret: string) => void;
  /** Requests per second per action (`--rate-limit ACTION=N`). */
  readonly rateLimits?: Readonly<Record<string, number>>;
  /** One rate-limit budget per region instead of one per account (`--budget-per-region`). */
  readonly budgetPerRegion?: boolean;
}

export interface LiveCheckOptions extends CheckOptions {
  readonly regions: readonly string[];
  /** Send every API call here (emulators, proxies); http only for loopback. */
  readonly apiEndpoint?: string;
  /** Environment to read credentials from; default `process.env`. */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** OIDC (GitHub Actions): role ARN and provider ID for STS AssumeRoleWithWebIdentity. */
  readonly oidc?: { readonly roleArn: string; readonly providerId: string; readonly idToken: () => Promise<string> };
  /** A profile of the credentials file other than `[default]`. */
  readonly profile?: string;
  /** Assume this role (STS AssumeRole) with the credentials found, and scan as the role. */
  readonly roleArn?: string;
  /** Requests per second by action, over the published limits. */
  readonly rateLimits?: Readonly<Record<string, number>>;
  /** One rate-limit budget per region instead of one per account. */
  readonly budgetPerRegion?: boolean;
  /** The account's name, for the report's target (and merged reports' sections). */
  readonly account?: string;
  /** Write what the scan read here (a snapshot, `live --snapshot` checks it offline). */
  readonly saveSnapshot?: string;
}

export interface SnapshotCheckOptions extends CheckOptions {
  /** A snapshot written by `live --save-snapshot`. */
  readonly snapshotFile: string;
  /** Regions of the snapshot to check; default: all of them. */
  readonly regions?: readonly string[];
  /** Replaces the snapshot's account name in the report. */
  readonly account?: string;
}

export type { FailOn } from '../model/severity.js';
