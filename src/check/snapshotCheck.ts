import { resolve } from 'node:path';
import { InputError } from '../errors/inputError.js';
import type { Report } from '../model/finding.js';
import { readLiveInventory } from '../sources/live/index.js';
import { readSnapshot } from '../sources/live/snapshotFile.js';
import { replayApi } from '../sources/live/snapshotReplay.js';
import { checkInventory } from './checkInventory.js';
import { withFindingRegions } from './findingRegions.js';
import { loadRunConfig, logWarnings } from './index.js';
import type { SnapshotCheckOptions } from './options.js';

/** Offline: nothing to sign, and nothing may be asked of the network. */
const NO_CREDENTIALS = {
  describe: 'a snapshot (no credentials)',
  get: async () => {
    throw new InputError('a snapshot is checked offline: no credentials are used');
  },
  secrets: () => [],
};

/**
 * `live --snapshot FILE`: the live reader, unchanged, reading the snapshot's answers instead of
 * the API — the same inventory, so the same report as the scan that wrote it. No credentials,
 * no network, no pacing (calls answered from memory need no rate limit), no retries (an answer
 * from a file is the same the second time).
 */
export async function checkSnapshot(options: SnapshotCheckOptions): Promise<Report> {
  const config = await loadRunConfig(options);
  const snapshot = await readSnapshot(resolve(options.cwd, options.snapshotFile), options.snapshotFile);
  const inSnapshot = snapshot.regions.map((r) => r.region);
  const regions = options.regions !== undefined && options.regions.length > 0 ? options.regions : inSnapshot;
  const absent = regions.filter((r) => !inSnapshot.includes(r));
  if (absent.length > 0)
    throw new InputError(`${options.snapshotFile}: no region ${absent.join(', ')} in this snapshot (it has ${inSnapshot.join(', ')})`);
  const actions = new Set(snapshot.regions.flatMap((r) => r.calls.map((c) => c.action)));
  options.logger.info(
    `checking the snapshot ${options.snapshotFile} of ${snapshot.account ?? 'an account'} taken ${snapshot.takenAt} by clb-guard ${snapshot.tool.version}${snapshot.complete ? '' : ' (an incomplete scan)'}`,
  );
  const inventory = await readLiveInventory({
    regions,
    credentials: NO_CREDENTIALS,
    logger: options.logger,
    api: replayApi(snapshot),
    retry: { attempts: 1, baseDelayMs: 0, maxDelayMs: 0 },
    rateLimits: Object.fromEntries([...actions].map((a) => [a, Number.POSITIVE_INFINITY])),
  });
  const account = options.account ?? snapshot.account;
  const target = { regions, ...(account !== undefined ? { account } : {}), snapshot: options.snapshotFile };
  const report = withFindingRegions(
    checkInventory(inventory, config, { today: options.today ?? new Date().toISOString().slice(0, 10), target }),
    inventory,
  );
  logWarnings(report, options.logger);
  return report;
}
