import type { LiveResolution } from '../../model/finding.js';
import type { Inventory } from '../../model/inventory.js';
import { accountScheduler, type LiveReadOptions } from '../live/index.js';
import { checkKnownRegions } from '../live/regions.js';
import { type BlastRadius, readBlastRadius } from './blastRadius.js';
import { LiveLookup } from './liveLookup.js';
import { type MutableInventory, mutableCopy } from './mutableInventory.js';
import type { PlanFacts } from './planFacts.js';
import { ReferenceResolution } from './referenceResolution.js';

export type { BlastRadius, Dependent } from './blastRadius.js';
export { externalReferencesOf } from './externalReferences.js';
export { type PlanFacts, type PlannedChange, readPlanFacts } from './planFacts.js';

/** The live reader's options: credentials, endpoint, pacing, regions (the first is the plan's). */
export type HybridOptions = LiveReadOptions;

export interface HybridInventories {
  /** The plan's inventory completed from the account, with the plan's versions of what it changes. */
  readonly planned: Inventory;
  /** The same, with the live version of each changed object: what is true today. */
  readonly live: Inventory;
  readonly blast: BlastRadius;
  readonly resolution: LiveResolution;
}

/**
 * A plan's inventory completed from the live account: the objects the plan names by ID (read
 * once each, batched, through the live scheduler), and the live dependents outside the plan of
 * the existing objects it changes. Calls that keep failing make the resolution incomplete.
 */
export async function resolveHybrid(planInventory: Inventory, facts: PlanFacts, options: HybridOptions): Promise<HybridInventories> {
  const scheduler = accountScheduler(options);
  const regions = checkKnownRegions(options.regions);
  const lookups = regions.map((region) => new LiveLookup(scheduler, region));
  const inventory = mutableCopy(planInventory);
  const resolution = new ReferenceResolution(inventory, facts, lookups);
  const blast = await options.logger.group(`Resolving the plan's external references in ${regions.join(', ')}`, async () => {
    await resolution.run();
    const radius = await readBlastRadius(inventory, facts.changes, facts.deleted, lookups);
    // The dependents name groups, subnets and ACLs of their own.
    await resolution.run();
    return radius;
  });
  const complete = lookups.every((l) => l.complete) && blast.complete;
  for (const problem of lookups.flatMap((l) => l.problems)) inventory.warnings.push({ message: problem });
  for (const { change, reason } of blast.absent) inventory.warnings.push({ address: change.id, message: reason });
  const planned = frozen(inventory, planInventory.complete && complete);
  const liveGroups = new Map(inventory.securityGroups);
  for (const [key, group] of blast.live.securityGroups) liveGroups.set(key, group);
  const liveAcls = new Map(inventory.networkAcls);
  for (const [key, acl] of blast.live.networkAcls) liveAcls.set(key, acl);
  const liveBalancers = new Map(inventory.loadBalancers);
  for (const [key, lb] of blast.live.loadBalancers) liveBalancers.set(key, lb);
  const absent = blast.absent.filter(({ change }) => !resolution.resolved.has(change.id));
  const resolved = [
    ...resolution.resolved.values(),
    ...absent.map(({ change, reason }) => ({ id: change.id, kind: change.kind, status: 'notFound' as const, reason })),
  ];
  const objects = resolved.map((o) => ({
    id: o.id,
    kind: o.kind,
    status: o.status,
    ...(o.reason !== undefined ? { reason: o.reason } : {}),
  }));
  return {
    planned,
    live: { ...planned, securityGroups: liveGroups, networkAcls: liveAcls, loadBalancers: liveBalancers },
    blast,
    resolution: {
      regions: options.regions,
      objects,
      dependents: [...blast.dependents.keys()],
      calls: Object.fromEntries([...scheduler.counts].sort(([a], [b]) => a.localeCompare(b))),
      complete,
    },
  };
}

function frozen(inventory: MutableInventory, complete: boolean): Inventory {
  return { ...inventory, complete };
}
