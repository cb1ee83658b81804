import { callKey, type RecordedCall, type Snapshot } from './snapshotFormat.js';
import { ApiCallError, type TencentApi } from './tencentApi.js';

type Api = Record<string, unknown>;

/** How an object answers a request that selects by a list of IDs or one filter. */
const FILTER_MATCH: Readonly<Record<string, (item: Api, value: string) => boolean>> = {
  'address-template-id': (item, v) => item.AddressTemplateId === v,
  'address-template-group-id': (item, v) => item.AddressTemplateGroupId === v,
  'service-template-id': (item, v) => item.ServiceTemplateId === v,
  'service-template-group-id': (item, v) => item.ServiceTemplateGroupId === v,
  TargetGroupId: (item, v) => item.TargetGroupId === v,
  'instance-id': (item, v) => item.InstanceId === v,
  'vpc-id': (item, v) => item.VpcId === v,
  'subnet-id': (item, v) => item.SubnetId === v,
  'security-group-id': (item, v) => Array.isArray(item.SecurityGroupIds) && item.SecurityGroupIds.includes(v),
  'address-ip': (item, v) =>
    Array.isArray(item.PrivateIpAddressSet) && item.PrivateIpAddressSet.some((ip) => (ip as Api | null)?.PrivateIpAddress === v),
};

interface Selector {
  /** `InstanceIds`, or the filter's name. */
  readonly name: string;
  readonly values: readonly string[];
  readonly match: (item: Api, value: string) => boolean;
}

const isStrings = (v: unknown): v is string[] => Array.isArray(v) && v.every((x) => typeof x === 'string');

/** The IDs a request selects by, when it selects by nothing else (paging aside). */
function selectorOf(params: Api): Selector | undefined {
  const keys = Object.keys(params).filter((k) => k !== 'Offset' && k !== 'Limit');
  if (keys.length !== 1) return undefined;
  const [key] = keys as [string];
  const value = params[key];
  if (/^[A-Z][A-Za-z]*Ids$/.test(key) && isStrings(value)) {
    const field = key.slice(0, -1);
    return { name: key, values: value, match: (item, v) => item[field] === v };
  }
  if (key !== 'Filters' || !Array.isArray(value) || value.length !== 1) return undefined;
  const filter = value[0] as { Name?: unknown; Values?: unknown } | null;
  const match = typeof filter?.Name === 'string' ? FILTER_MATCH[filter.Name] : undefined;
  if (match === undefined || !isStrings(filter?.Values)) return undefined;
  return { name: filter!.Name as string, values: filter!.Values as string[], match };
}

const NOT_IN_SNAPSHOT = new ApiCallError(
  'ResourceNotFound.NotInSnapshot',
  undefined,
  'not in the snapshot (the scan that wrote it did not read it)',
);

/**
 * The Describe API answered from a snapshot, offline. A request the scan made is answered as it
 * was then (its answer, or the error it kept ending in). A request that selects the same objects
 * in other batches (readers batch IDs in the order answers arrive) is answered from the objects
 * the scan read, when the scan asked for every one of those IDs. Anything else was not read:
 * the call fails, and what it was for is unknown — never made up.
 */
export function replayApi(snapshot: Snapshot): TencentApi {
  const exact = new Map<string, RecordedCall>();
  const byAction = new Map<string, RecordedCall[]>();
  for (const { region, calls } of snapshot.regions) {
    for (const call of calls) {
      exact.set(callKey(call.service, call.action, region, call.params), call);
      const group = `${call.service}\u0000${call.action}\u0000${region}`;
      byAction.set(group, [...(byAction.get(group) ?? []), call]);
    }
  }
  // The account's region list belongs to no region, so no snapshot holds it: the regions a
  // snapshot has are the ones it can answer for (others are refused before anything is read).
  const regionList = { RegionSet: snapshot.regions.map((r) => ({ Region: r.region, RegionState: 'AVAILABLE' })) };
  return {
    async call(service, action, region, params) {
      if (service === 'region' && action === 'DescribeRegions') return structuredClone(regionList);
      const recorded =
        exact.get(callKey(service, action, region, params)) ??
        rebatched(byAction.get(`${service}\u0000${action}\u0000${region}`) ?? [], params);
      if (recorded === undefined) throw NOT_IN_SNAPSHOT;
      if ('error' in recorded) throw new ApiCallError(recorded.error.code, recorded.error.httpCode, recorded.error.reason);
      // A copy: the reader may keep what it is given.
      return structuredClone(recorded.response) as Api;
    },
  };
}

/** The answer to `params` put together from the recorded answers of requests selecting by the same field. */
function rebatched(calls: readonly RecordedCall[], params: Api): RecordedCall | undefined {
  const wanted = selectorOf(params);
  if (wanted === undefined) return undefined;
  const asked = new Set<string>();
  const items = new Map<string, Api>();
  let listField: string | undefined;
  for (const call of calls) {
    const selector = selectorOf(call.params as Api);
    if (selector?.name !== wanted.name || !('response' in call)) continue;
    for (const v of selector.values) asked.add(v);
    for (const [field, value] of Object.entries(call.response)) {
      if (!Array.isArray(value)) continue;
      listField ??= field;
      if (field === listField) for (const item of value as Api[]) items.set(JSON.stringify(item), item);
    }
  }
  if (listField === undefined || !wanted.values.every((v) => asked.has(v))) return undefined;
  const matching = [...items.values()].filter((item) => wanted.values.some((v) => wanted.match(item, v)));
  const offset = Number(params.Offset ?? 0);
  const limit = Number(params.Limit ?? matching.length);
  return {
    service: 'vpc',
    action: '',
    params,
    response: { TotalCount: matching.length, [listField]: matching.slice(offset, offset + limit) },
  };
}
