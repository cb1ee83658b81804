import { relative, resolve } from 'node:path';
import type { Report } from '../model/finding.js';
import { readLiveInventory, resolveCredentials } from '../sources/live/index.js';
import { writeSnapshot } from '../sources/live/snapshotFile.js';
import { SnapshotRecorder } from '../sources/live/snapshotRecorder.js';
import { callPacing } from './callPacing.js';
import { checkInventory } from './checkInventory.js';
import { withFindingRegions } from './findingRegions.js';
import { loadRunConfig, logWarnings } from './index.js';
import type { LiveCheckOptions } from './options.js';

/** Live mode: the same policies over the account. */
export async function checkLive(options: LiveCheckOptions & { onSecret?: (secret: string) => void }): Promise<Report> {
  const config = await loadRunConfig(options);
  const credentials = await resolveCredentials(options.env ?? process.env, {
    ...(options.oidc ? { oidc: options.oidc } : {}),
    ...(options.apiEndpoint ? { apiEndpoint: options.apiEndpoint } : {}),
    ...(options.onSecret ? { onSecret: options.onSecret } : {}),
    ...(options.profile !== undefined ? { profile: options.profile } : {}),
    ...(options.roleArn !== undefined ? { roleArn: options.roleArn } : {}),
  });
  const recorder = options.saveSnapshot !== undefined ? new SnapshotRecorder() : undefined;
  const takenAt = new Date();
  const inventory = await readLiveInventory({
    regions: options.regions,
    credentials,
    logger: options.logger,
    ...callPacing(options.env ?? process.env),
    ...(options.apiEndpoint ? { apiEndpoint: options.apiEndpoint } : {}),
    ...(options.rateLimits ? { rateLimits: options.rateLimits } : {}),
    ...(options.budgetPerRegion ? { budgetScope: 'region' as const } : {}),
    ...(recorder ? { intercept: (api) => recorder.wrap(api) } : {}),
  });
  options.onInventory?.(inventory);
  if (recorder !== undefined && options.saveSnapshot !== undefined) {
    const snapshot = recorder.snapshot(inventory, {
      regions: inventory.regions,
      ...(options.account !== undefined ? { account: options.account } : {}),
      takenAt,
      secrets: credentials.secrets(),
    });
    await writeSnapshot(resolve(options.cwd, options.saveSnapshot), options.saveSnapshot, snapshot);
    options.logger.info(
      `wrote the snapshot ${relative(options.cwd, resolve(options.cwd, options.saveSnapshot)) || options.saveSnapshot}${inventory.complete ? '' : ' (incomplete, as the scan)'}`,
    );
  }
  const target = { regions: inventory.regions, ...(options.account !== undefined ? { account: options.account } : {}) };
  const report = withFindingRegions(
    checkInventory(inventory, config, { today: options.today ?? new Date().toISOString().slice(0, 10), target }),
    inventory,
  );
  logWarnings(report, options.logger);
  return report;
}
