#!/usr/bin/env node
import { createRequire as __clbGuardCreateRequire } from 'node:module';
const require = __clbGuardCreateRequire(import.meta.url);
import {
  callKey,
  readSnapshot,
  withFindingRegions
} from "./chunk-B3HHRZNN.js";
import {
  ApiCallError,
  readLiveInventory
} from "./chunk-26PZFW4I.js";
import "./chunk-IO3UUOAP.js";
import {
  loadRunConfig,
  logWarnings
} from "./chunk-NO67LPBY.js";
import {
  InputError,
  checkInventory
} from "./chunk-PNCMHPV7.js";

// src/check/snapshotCheck.ts
import { resolve } from "node:path";

// src/sources/live/snapshotReplay.ts
var FILTER_MATCH = {
  "address-template-id": (item, v) => item.AddressTemplateId === v,
  "address-template-group-id": (item, v) => item.AddressTemplateGroupId === v,
  "service-template-id": (item, v) => item.ServiceTemplateId === v,
  "service-template-group-id": (item, v) => item.ServiceTemplateGroupId === v,
  TargetGroupId: (item, v) => item.TargetGroupId === v,
  "instance-id": (item, v) => item.InstanceId === v,
  "vpc-id": (item, v) => item.VpcId === v,
  "subnet-id": (item, v) => item.SubnetId === v,
  "security-group-id": (item, v) => Array.isArray(item.SecurityGroupIds) && item.SecurityGroupIds.includes(v),
  "address-ip": (item, v) => Array.isArray(item.PrivateIpAddressSet) && item.PrivateIpAddressSet.some((ip) => ip?.PrivateIpAddress === v)
};
var isStrings = (v) => Array.isArray(v) && v.every((x) => typeof x === "string");
function selectorOf(params) {
  const keys = Object.keys(params).filter((k) => k !== "Offset" && k !== "Limit");
  if (keys.length !== 1) return void 0;
  const [key] = keys;
  const value = params[key];
  if (/^[A-Z][A-Za-z]*Ids$/.test(key) && isStrings(value)) {
    const field = key.slice(0, -1);
    return { name: key, values: value, match: (item, v) => item[field] === v };
  }
  if (key !== "Filters" || !Array.isArray(value) || value.length !== 1) return void 0;
  const filter = value[0];
  const match = typeof filter?.Name === "string" ? FILTER_MATCH[filter.Name] : void 0;
  if (match === void 0 || !isStrings(filter?.Values)) return void 0;
  return { name: filter.Name, values: filter.Values, match };
}
var NOT_IN_SNAPSHOT = new ApiCallError(
  "ResourceNotFound.NotInSnapshot",
  void 0,
  "not in the snapshot (the scan that wrote it did not read it)"
);
function replayApi(snapshot) {
  const exact = /* @__PURE__ */ new Map();
  const byAction = /* @__PURE__ */ new Map();
  for (const { region, calls } of snapshot.regions) {
    for (const call of calls) {
      exact.set(callKey(call.service, call.action, region, call.params), call);
      const group = `${call.service}\0${call.action}\0${region}`;
      byAction.set(group, [...byAction.get(group) ?? [], call]);
    }
  }
  const regionList = { RegionSet: snapshot.regions.map((r) => ({ Region: r.region, RegionState: "AVAILABLE" })) };
  return {
    async call(service, action, region, params) {
      if (service === "region" && action === "DescribeRegions") return structuredClone(regionList);
      const recorded = exact.get(callKey(service, action, region, params)) ?? rebatched(byAction.get(`${service}\0${action}\0${region}`) ?? [], params);
      if (recorded === void 0) throw NOT_IN_SNAPSHOT;
      if ("error" in recorded) throw new ApiCallError(recorded.error.code, recorded.error.httpCode, recorded.error.reason);
      return structuredClone(recorded.response);
    }
  };
}
function rebatched(calls, params) {
  const wanted = selectorOf(params);
  if (wanted === void 0) return void 0;
  const asked = /* @__PURE__ */ new Set();
  const items = /* @__PURE__ */ new Map();
  let listField;
  for (const call of calls) {
    const selector = selectorOf(call.params);
    if (selector?.name !== wanted.name || !("response" in call)) continue;
    for (const v of selector.values) asked.add(v);
    for (const [field, value] of Object.entries(call.response)) {
      if (!Array.isArray(value)) continue;
      listField ??= field;
      if (field === listField) for (const item of value) items.set(JSON.stringify(item), item);
    }
  }
  if (listField === void 0 || !wanted.values.every((v) => asked.has(v))) return void 0;
  const matching = [...items.values()].filter((item) => wanted.values.some((v) => wanted.match(item, v)));
  const offset = Number(params.Offset ?? 0);
  const limit = Number(params.Limit ?? matching.length);
  return {
    service: "vpc",
    action: "",
    params,
    response: { TotalCount: matching.length, [listField]: matching.slice(offset, offset + limit) }
  };
}

// src/check/snapshotCheck.ts
var NO_CREDENTIALS = {
  describe: "a snapshot (no credentials)",
  get: async () => {
    throw new InputError("a snapshot is checked offline: no credentials are used");
  },
  secrets: () => []
};
async function checkSnapshot(options) {
  const config = await loadRunConfig(options);
  const snapshot = await readSnapshot(resolve(options.cwd, options.snapshotFile), options.snapshotFile);
  const inSnapshot = snapshot.regions.map((r) => r.region);
  const regions = options.regions !== void 0 && options.regions.length > 0 ? options.regions : inSnapshot;
  const absent = regions.filter((r) => !inSnapshot.includes(r));
  if (absent.length > 0)
    throw new InputError(`${options.snapshotFile}: no region ${absent.join(", ")} in this snapshot (it has ${inSnapshot.join(", ")})`);
  const actions = new Set(snapshot.regions.flatMap((r) => r.calls.map((c) => c.action)));
  options.logger.info(
    `checking the snapshot ${options.snapshotFile} of ${snapshot.account ?? "an account"} taken ${snapshot.takenAt} by clb-guard ${snapshot.tool.version}${snapshot.complete ? "" : " (an incomplete scan)"}`
  );
  const inventory = await readLiveInventory({
    regions,
    credentials: NO_CREDENTIALS,
    logger: options.logger,
    api: replayApi(snapshot),
    retry: { attempts: 1, baseDelayMs: 0, maxDelayMs: 0 },
    rateLimits: Object.fromEntries([...actions].map((a) => [a, Number.POSITIVE_INFINITY]))
  });
  const account = options.account ?? snapshot.account;
  const target = { regions, ...account !== void 0 ? { account } : {}, snapshot: options.snapshotFile };
  const report = withFindingRegions(
    checkInventory(inventory, config, { today: options.today ?? (/* @__PURE__ */ new Date()).toISOString().slice(0, 10), target }),
    inventory
  );
  logWarnings(report, options.logger);
  return report;
}
export {
  checkSnapshot
};
