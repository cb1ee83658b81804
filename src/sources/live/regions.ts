import { InputError } from '../../errors/inputError.js';
import type { Logger } from '../../logging/logger.js';
import { closestMatch } from '../../text/closestMatch.js';
import { CallFailed, type CallScheduler, CredentialsRejected } from './callScheduler.js';

/**
 * Tencent Cloud's public regions, for when the account's own list cannot be had (a role without
 * `region:DescribeRegions`, a proxy that does not pass it): names only, so a typo is still caught.
 */
const KNOWN_REGIONS: readonly string[] = [
  'ap-bangkok',
  'ap-beijing',
  'ap-beijing-fsi',
  'ap-chengdu',
  'ap-chongqing',
  'ap-guangzhou',
  'ap-hongkong',
  'ap-jakarta',
  'ap-mumbai',
  'ap-nanjing',
  'ap-seoul',
  'ap-shanghai',
  'ap-shanghai-fsi',
  'ap-shenzhen-fsi',
  'ap-singapore',
  'ap-taipei',
  'ap-tokyo',
  'eu-frankfurt',
  'na-ashburn',
  'na-siliconvalley',
  'na-toronto',
  'sa-saopaulo',
];

/** `--region all`: every region the account has. */
const ALL_REGIONS = 'all';

/**
 * The regions to scan, checked before any of them is read: each must be one the account offers
 * for CLB (region.DescribeRegions), a misspelling is refused with the name it most likely meant,
 * and `all` stands for every one of them. Without the account's list, the built-in names.
 */
export async function resolveRegions(scheduler: CallScheduler, requested: readonly string[], logger: Logger): Promise<string[]> {
  const offered = await offeredRegions(scheduler, logger);
  if (requested.includes(ALL_REGIONS)) {
    if (requested.length > 1)
      throw new InputError(
        `--region ${ALL_REGIONS} scans every region; give it alone, not with ${requested.filter((r) => r !== ALL_REGIONS).join(', ')}`,
      );
    if (offered.fromAccount) return offered.names;
    throw new InputError(
      `--region ${ALL_REGIONS} needs the account's region list, and DescribeRegions could not be read (${offered.why}); name the regions instead`,
    );
  }
  for (const region of requested) {
    if (offered.names.includes(region)) continue;
    const meant = closestMatch(region, offered.names);
    throw new InputError(
      `unknown region "${region}"${meant ? `; did you mean "${meant}"?` : ''} (${offered.fromAccount ? 'the account offers' : 'the known regions are'}: ${offered.names.join(', ')})`,
    );
  }
  return [...new Set(requested)];
}

async function offeredRegions(scheduler: CallScheduler, logger: Logger): Promise<{ names: string[]; fromAccount: boolean; why?: string }> {
  let why: string;
  try {
    const response = await scheduler.call('region', 'DescribeRegions', '', { Product: 'clb' });
    const set = response.RegionSet;
    const names = Array.isArray(set)
      ? set
          .filter(
            (r): r is Record<string, unknown> =>
              typeof r === 'object' && r !== null && typeof (r as Record<string, unknown>).Region === 'string',
          )
          .filter((r) => r.RegionState === undefined || r.RegionState === 'AVAILABLE')
          .map((r) => String(r.Region))
          .filter((name) => /^[a-z]{2}-[a-z0-9-]{2,40}$/.test(name))
      : [];
    if (names.length > 0) return { names: [...new Set(names)].sort(), fromAccount: true };
    why = 'it listed no region';
  } catch (error) {
    if (error instanceof CredentialsRejected && error.permissionOnly) why = `${error.code}: the credentials may not call it`;
    else if (error instanceof CallFailed) why = error.message;
    else throw error;
  }
  logger.warning(`the account's regions could not be read (${why}); region names are checked against the built-in list`);
  return { names: [...KNOWN_REGIONS], fromAccount: false, why };
}

/**
 * The regions of a hybrid check (`plan --resolve-live`), checked against the public region names
 * without a call: it reads a few objects by ID, so `all` has no meaning there and a misspelled
 * region would otherwise make every external object "not found".
 */
export function checkKnownRegions(requested: readonly string[]): string[] {
  for (const region of requested) {
    if (region === ALL_REGIONS)
      throw new InputError(
        `--region ${ALL_REGIONS} is for live mode; --resolve-live reads the regions it is given (or the plan's provider region)`,
      );
    if (KNOWN_REGIONS.includes(region)) continue;
    const meant = closestMatch(region, KNOWN_REGIONS);
    throw new InputError(
      `unknown region "${region}"${meant ? `; did you mean "${meant}"?` : ''} (the known regions are: ${KNOWN_REGIONS.join(', ')})`,
    );
  }
  return [...new Set(requested)];
}
