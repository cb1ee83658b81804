import type { Report } from '../model/finding.js';
import { readLiveInventory, resolveCredentials } from '../sources/live/index.js';
import { callPacing } from './callPacing.js';
import { checkInventory } from './checkInventory.js';
import { loadRunConfig, logWarnings } from './index.js';
import type { LiveCheckOptions } from './options.js';

/** Live mode: the same policies over the account. */
export async function checkLive(options: LiveCheckOptions & { onSecret?: (secret: string) => void }): Promise<Report> {
  const config = await loadRunConfig(options);
  const credentials = await resolveCredentials(options.env ?? process.env, {
    ...(options.oidc ? { oidc: options.oidc } : {}),
    ...(options.apiEndpoint ? { apiEndpoint: options.apiEndpoint } : {}),
    ...(options.onSecret ? { onSecret: options.onSecret } : {}),
  });
  const inventory = await readLiveInventory({
    regions: options.regions,
    credentials,
    logger: options.logger,
    ...callPacing(options.env ?? process.env),
    ...(options.apiEndpoint ? { apiEndpoint: options.apiEndpoint } : {}),
  });
  const report = checkInventory(inventory, config, { today: options.today ?? new Date().toISOString().slice(0, 10), target: { regions: options.regions } });
  logWarnings(report, options.logger);
  return report;
}
