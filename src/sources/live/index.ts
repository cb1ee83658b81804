import type { Inventory } from '../../model/inventory.js';
import type { Logger } from '../../logging/logger.js';
import { AccountReader } from './accountReader.js';
import { CallScheduler, type RetryPolicy } from './callScheduler.js';
import type { CredentialSource } from './credentials.js';
import { sdkApi, type TencentApi } from './tencentApi.js';

export { resolveCredentials, type CredentialSource, type OidcOptions } from './credentials.js';

export interface LiveReadOptions {
  readonly regions: readonly string[];
  readonly credentials: CredentialSource;
  readonly apiEndpoint?: string;
  readonly logger: Logger;
  readonly retry?: RetryPolicy;
  readonly rateLimits?: Readonly<Record<string, number>>;
  readonly timeoutSeconds?: number;
  /** Replaces the SDK (unit tests, snapshots read offline). */
  readonly api?: TencentApi;
  /** Wraps the API the reader talks to (a snapshot recorder). */
  readonly intercept?: (api: TencentApi) => TencentApi;
}

/** The live account as an inventory keyed by cloud IDs; `complete: false` when calls kept failing. */
export async function readLiveInventory(options: LiveReadOptions): Promise<Inventory & { calls: ReadonlyMap<string, number> }> {
  const base = options.api ?? sdkApi(() => options.credentials.get(), { ...(options.apiEndpoint ? { endpoint: options.apiEndpoint } : {}), ...(options.timeoutSeconds ? { timeoutSeconds: options.timeoutSeconds } : {}) });
  const api = options.intercept ? options.intercept(base) : base;
  const scheduler = new CallScheduler(api, { ...(options.retry ? { retry: options.retry } : {}), ...(options.rateLimits ? { rateLimits: options.rateLimits } : {}), secrets: () => options.credentials.secrets() });
  const inventory = await new AccountReader(scheduler, options.logger).read(options.regions);
  return { ...inventory, calls: scheduler.counts };
}
