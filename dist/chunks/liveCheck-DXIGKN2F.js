#!/usr/bin/env node
import { createRequire as __clbGuardCreateRequire } from 'node:module';
const require = __clbGuardCreateRequire(import.meta.url);
import {
  callPacing
} from "./chunk-NIK57APO.js";
import {
  SNAPSHOT_SCHEMA_ID,
  SNAPSHOT_VERSION,
  callKey,
  digestOf,
  withFindingRegions,
  writeSnapshot
} from "./chunk-B3HHRZNN.js";
import {
  readLiveInventory,
  redactSecrets,
  resolveCredentials,
  sanitizeCallError
} from "./chunk-26PZFW4I.js";
import "./chunk-IO3UUOAP.js";
import {
  loadRunConfig,
  logWarnings
} from "./chunk-NO67LPBY.js";
import {
  TOOL_VERSION,
  checkInventory
} from "./chunk-PNCMHPV7.js";

// src/check/liveCheck.ts
import { relative, resolve } from "node:path";

// src/sources/live/snapshotRecorder.ts
var SnapshotRecorder = class {
  outcomes = /* @__PURE__ */ new Map();
  wrap(api) {
    return {
      call: async (service, action, region, params) => {
        if (service === "sts") return api.call(service, action, region, params);
        const key = callKey(service, action, region, params);
        const base = { service, action, params: structuredClone(params) };
        try {
          const response = await api.call(service, action, region, params);
          const { RequestId: _requestId, ...kept } = response;
          this.outcomes.set(key, { region, call: { ...base, response: structuredClone(kept) } });
          return response;
        } catch (error) {
          const e = sanitizeCallError(error);
          this.outcomes.set(key, {
            region,
            call: {
              ...base,
              error: {
                ...e.code !== void 0 ? { code: e.code } : {},
                ...e.httpCode !== void 0 ? { httpCode: e.httpCode } : {},
                reason: e.reason
              }
            }
          });
          throw error;
        }
      }
    };
  }
  /**
   * The snapshot of the scan that read `inventory` from `regions`: calls sorted (not in the order
   * concurrency gave them, so two snapshots of one account diff cleanly), every string that holds
   * a secret redacted.
   */
  snapshot(inventory, options) {
    const redact = (value) => redactDeep(value, options.secrets);
    const regions = options.regions.map((region) => {
      const calls = [...this.outcomes.entries()].filter(([, o]) => o.region === region).sort(([a], [b]) => a < b ? -1 : a > b ? 1 : 0).map(([, o]) => redact(o.call));
      const failed = calls.some((c) => "error" in c);
      const warned = inventory.warnings.some((w) => w.message.startsWith(`${region}: `));
      return { region, complete: inventory.complete || !failed && !warned, calls, digest: digestOf(calls) };
    });
    return {
      $schema: SNAPSHOT_SCHEMA_ID,
      version: SNAPSHOT_VERSION,
      tool: { name: "clb-guard", version: TOOL_VERSION },
      ...options.account !== void 0 ? { account: options.account } : {},
      takenAt: options.takenAt.toISOString(),
      complete: inventory.complete,
      regions
    };
  }
};
function redactDeep(value, secrets) {
  if (typeof value === "string") return secrets.length === 0 ? value : redactSecrets(value, secrets);
  if (Array.isArray(value)) return value.map((v) => redactDeep(v, secrets));
  if (typeof value === "object" && value !== null)
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [redactSecrets(k, secrets), redactDeep(v, secrets)]));
  return value;
}

// src/check/liveCheck.ts
async function checkLive(options) {
  const config = await loadRunConfig(options);
  const credentials = await resolveCredentials(options.env ?? process.env, {
    ...options.oidc ? { oidc: options.oidc } : {},
    ...options.apiEndpoint ? { apiEndpoint: options.apiEndpoint } : {},
    ...options.onSecret ? { onSecret: options.onSecret } : {},
    ...options.profile !== void 0 ? { profile: options.profile } : {},
    ...options.roleArn !== void 0 ? { roleArn: options.roleArn } : {}
  });
  const recorder = options.saveSnapshot !== void 0 ? new SnapshotRecorder() : void 0;
  const takenAt = /* @__PURE__ */ new Date();
  const inventory = await readLiveInventory({
    regions: options.regions,
    credentials,
    logger: options.logger,
    ...callPacing(options.env ?? process.env),
    ...options.apiEndpoint ? { apiEndpoint: options.apiEndpoint } : {},
    ...options.rateLimits ? { rateLimits: options.rateLimits } : {},
    ...options.budgetPerRegion ? { budgetScope: "region" } : {},
    ...recorder ? { intercept: (api) => recorder.wrap(api) } : {}
  });
  options.onInventory?.(inventory);
  if (recorder !== void 0 && options.saveSnapshot !== void 0) {
    const snapshot = recorder.snapshot(inventory, {
      regions: inventory.regions,
      ...options.account !== void 0 ? { account: options.account } : {},
      takenAt,
      secrets: credentials.secrets()
    });
    await writeSnapshot(resolve(options.cwd, options.saveSnapshot), options.saveSnapshot, snapshot);
    options.logger.info(
      `wrote the snapshot ${relative(options.cwd, resolve(options.cwd, options.saveSnapshot)) || options.saveSnapshot}${inventory.complete ? "" : " (incomplete, as the scan)"}`
    );
  }
  const target = { regions: inventory.regions, ...options.account !== void 0 ? { account: options.account } : {} };
  const report = withFindingRegions(
    checkInventory(inventory, config, { today: options.today ?? (/* @__PURE__ */ new Date()).toISOString().slice(0, 10), target }),
    inventory
  );
  logWarnings(report, options.logger);
  return report;
}
export {
  checkLive
};
