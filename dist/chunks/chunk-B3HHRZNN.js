#!/usr/bin/env node
import { createRequire as __clbGuardCreateRequire } from 'node:module';
const require = __clbGuardCreateRequire(import.meta.url);
import {
  require__
} from "./chunk-IO3UUOAP.js";
import {
  PolicyProblems,
  parseJsonDocument,
  problemsOf,
  provenancesOf
} from "./chunk-NO67LPBY.js";
import {
  InputError,
  __toESM
} from "./chunk-PNCMHPV7.js";

// src/sources/live/snapshotFile.ts
var import__ = __toESM(require__(), 1);
import { readFile, stat, writeFile } from "node:fs/promises";

// schema/snapshot.schema.json
var snapshot_schema_default = {
  $schema: "https://json-schema.org/draft/2020-12/schema",
  $id: "https://github.com/clb-guard/clb-guard/schema/snapshot.schema.json",
  title: "clb-guard account snapshot (clb-guard live --save-snapshot)",
  description: "Version 1: the Describe answers a live scan read, per region, to check again offline with `clb-guard live --snapshot FILE`. Never holds credentials, tokens or request headers.",
  type: "object",
  required: ["version", "tool", "takenAt", "complete", "regions"],
  additionalProperties: false,
  properties: {
    $schema: { type: "string" },
    version: { const: 1, description: "The snapshot format version; a later format gets a new number." },
    tool: {
      type: "object",
      required: ["name", "version"],
      additionalProperties: false,
      properties: {
        name: { const: "clb-guard" },
        version: { type: "string", minLength: 1 }
      }
    },
    account: {
      type: "string",
      pattern: "^[A-Za-z0-9][A-Za-z0-9_.-]{0,62}$",
      description: "The account's name (config accounts[].name or --account)."
    },
    takenAt: {
      type: "string",
      pattern: "^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?Z$",
      description: "When the scan ran, ISO 8601 in UTC."
    },
    complete: { type: "boolean", description: "False when part of the account could not be read: checks of it are unknown." },
    regions: {
      type: "array",
      minItems: 1,
      items: { $ref: "#/$defs/region" }
    }
  },
  $defs: {
    region: {
      type: "object",
      required: ["region", "complete", "calls", "digest"],
      additionalProperties: false,
      properties: {
        region: { type: "string", pattern: "^[a-z]{2,}(-[a-z0-9]+)+$" },
        complete: { type: "boolean" },
        calls: { type: "array", items: { $ref: "#/$defs/call" } },
        digest: {
          type: "string",
          pattern: "^sha256:[0-9a-f]{64}$",
          description: "sha256 of JSON.stringify(calls): a region whose calls were edited or damaged is refused."
        }
      }
    },
    call: {
      type: "object",
      required: ["service", "action", "params"],
      additionalProperties: false,
      oneOf: [{ required: ["response"] }, { required: ["error"] }],
      properties: {
        service: { enum: ["clb", "cvm", "vpc"] },
        action: { type: "string", pattern: "^Describe[A-Za-z]+$" },
        params: { type: "object" },
        response: { type: "object", description: "The answer's Response object, without RequestId." },
        error: {
          type: "object",
          required: ["reason"],
          additionalProperties: false,
          properties: {
            code: { type: "string" },
            httpCode: { type: "integer" },
            reason: { type: "string" }
          }
        }
      }
    }
  }
};

// src/sources/live/snapshotFormat.ts
import { createHash } from "node:crypto";
var SNAPSHOT_VERSION = 1;
var SNAPSHOT_SCHEMA_ID = "https://github.com/clb-guard/clb-guard/schema/snapshot.schema.json";
function digestOf(calls) {
  return `sha256:${createHash("sha256").update(JSON.stringify(calls)).digest("hex")}`;
}
function canonicalParams(params) {
  return JSON.stringify(sortKeys(params));
}
function sortKeys(value) {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (typeof value === "object" && value !== null) {
    return Object.fromEntries(
      Object.keys(value).sort().map((k) => [k, sortKeys(value[k])])
    );
  }
  return value;
}
function callKey(service, action, region, params) {
  return `${service}\0${action}\0${region}\0${canonicalParams(params)}`;
}

// src/sources/live/snapshotFile.ts
var MAX_SNAPSHOT_BYTES = 500 * 1024 * 1024;
var validator;
var validate = () => validator ??= new import__.Ajv2020({ allErrors: true, strictTypes: false, verbose: true }).compile(snapshot_schema_default);
async function writeSnapshot(path, display, snapshot) {
  try {
    await writeFile(path, `${JSON.stringify(snapshot, null, 1)}
`);
  } catch (error) {
    const code = error.code;
    throw new InputError(
      `cannot write the snapshot: ${code === "ENOENT" ? "its folder does not exist" : code === "EISDIR" ? "it is a folder" : code === "EACCES" || code === "EPERM" ? "permission denied" : error.message}`,
      { file: display }
    );
  }
}
async function readSnapshot(path, display) {
  let size;
  try {
    const info = await stat(path);
    if (!info.isFile())
      throw new InputError(info.isDirectory() ? "is a folder, not a snapshot" : "is not a regular file", { file: display });
    size = info.size;
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new InputError("no such snapshot file", { file: display });
  }
  if (size > MAX_SNAPSHOT_BYTES)
    throw new InputError(`is ${size} bytes: more than the ${MAX_SNAPSHOT_BYTES} a snapshot may have`, { file: display });
  return parseSnapshot(await readFile(path, "utf8"), display);
}
function parseSnapshot(text, display) {
  let doc;
  try {
    doc = parseJsonDocument(text, display);
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    const line = /^line (\d+)/.exec(error.place ?? "")?.[1];
    throw new PolicyProblems([
      {
        file: display,
        line: line === void 0 ? 1 : Number(line),
        pointer: "",
        message: `${error.message}${error.place ? ` (${error.place})` : ""}`
      }
    ]);
  }
  const value = doc.value;
  if (typeof value === "object" && value !== null && typeof value.version === "number" && value.version !== SNAPSHOT_VERSION) {
    throw new PolicyProblems([
      {
        file: display,
        line: doc.lineOf("/version"),
        pointer: "/version",
        message: `a version ${value.version} snapshot; this clb-guard reads version ${SNAPSHOT_VERSION}`
      }
    ]);
  }
  const problems = problemsOf(doc, validate());
  if (problems.length > 0) throw new PolicyProblems(problems);
  const snapshot = doc.value;
  const seen = /* @__PURE__ */ new Map();
  const found = [];
  snapshot.regions.forEach((region, i) => {
    const at = (field) => ({ file: display, line: doc.lineOf(`/regions/${i}/${field}`), pointer: `/regions/${i}/${field}` });
    if (seen.has(region.region))
      found.push({
        ...at("region"),
        message: `region ${region.region} is in the snapshot twice (also /regions/${seen.get(region.region)})`
      });
    seen.set(region.region, i);
    if (digestOf(region.calls) !== region.digest)
      found.push({
        ...at("digest"),
        message: `does not match the calls of ${region.region}: the snapshot was changed or damaged after it was written`
      });
    if (!region.complete && snapshot.complete)
      found.push({ ...at("complete"), message: `${region.region} is incomplete but the snapshot says it is complete` });
  });
  if (found.length > 0) throw new PolicyProblems(found);
  return snapshot;
}

// src/check/findingRegions.ts
function regionOfLink(url) {
  if (url === void 0 || !URL.canParse(url)) return void 0;
  return new URL(url).searchParams.get("rid") ?? void 0;
}
function withFindingRegions(report, inventory) {
  const regions = /* @__PURE__ */ new Map();
  for (const p of provenancesOf(inventory)) {
    const region = regionOfLink(p.consoleUrl);
    if (region !== void 0) regions.set(p.address, region);
  }
  return { ...report, findings: report.findings.map((f) => regions.has(f.resource) ? { ...f, region: regions.get(f.resource) } : f) };
}

export {
  SNAPSHOT_VERSION,
  SNAPSHOT_SCHEMA_ID,
  digestOf,
  callKey,
  writeSnapshot,
  readSnapshot,
  withFindingRegions
};
