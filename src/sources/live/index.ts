import type { Logger } from '../../logging/logger.js';
import type { Inventory } from '../../model/inventory.js';
import { AccountReader } from './accountReader.js';
import { type BudgetScope, CallScheduler, type RetryPolicy } from './callScheduler.js';
import type { CredentialSource } from './credentials.js';
import { resolveRegions } from './regions.js';
import { sdkApi, type TencentApi } from './tencentApi.js';

export { type CredentialSource, type OidcOptions, resolveCredentials } from './credentials.js';

export interface LiveReadOptions {
  /** Region names, or `all` for every region the account has; a name it does not offer is refused before any read. */
  readonly regions: readonly string[];
  readonly credentials: CredentialSource;
  readonly apiEndpoint?: string;
  readonly logger: Logger;
  readonly retry?: RetryPolicy;
  readonly rateLimits?: Readonly<Record<string, number>>;
  /** Per-action budgets shared by all regions (default) or one per region. */
  readonly budgetScope?: BudgetScope;
  readonly timeoutSeconds?: number;
  /** Replaces the SDK (unit tests, snapshots read offline). */
  readonly api?: TencentApi;
  /** Wraps the API the reader talks to (a snapshot recorder). */
  readonly intercept?: (api: TencentApi) => TencentApi;
}

/**
 * The account's API (the SDK with the run's credentials and endpoint, unless replaced; wrapped by
 * `intercept`) behind one scheduler: live and hybrid runs pace, retry and budget every call the
 * same way.
 */
export function accountScheduler(options: Omit<LiveReadOptions, 'regions' | 'logger'>): CallScheduler {
  const base =
    options.api ??
    sdkApi(() => options.credentials.get(), {
      ...(options.apiEndpoint ? { endpoint: options.apiEndpoint } : {}),
      ...(options.timeoutSeconds ? { timeoutSeconds: options.timeoutSeconds } : {}),
    });
  const api = options.intercept ? options.intercept(base) : base;
  return new CallScheduler(api, {
    ...(options.retry ? { retry: options.retry } : {}),
    ...(options.rateLimits ? { rateLimits: options.rateLimits } : {}),
    ...(options.budgetScope ? { budgetScope: options.budgetScope } : {}),
    secrets: () => options.credentials.secrets(),
  });
}

/** The live account as an inventory keyed by cloud IDs; `complete: false` when calls kept failing. `regions`: those scanned (`all` resolved). */
export async function readLiveInventory(
  options: LiveReadOptions,
): Promise<Inventory & { calls: ReadonlyMap<string, number>; regions: readonly string[] }> {
  const scheduler = accountScheduler(options);
  const regions = await resolveRegions(scheduler, options.regions, options.logger);
  const inventory = await new AccountReader(scheduler, options.logger).read(regions);
  return { ...inventory, calls: scheduler.counts, regions };
}
