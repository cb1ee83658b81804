#!/usr/bin/env node
import { createRequire as __clbGuardCreateRequire } from 'node:module';
const require = __clbGuardCreateRequire(import.meta.url);
import {
  consoleLogger,
  emit,
  renderMarkdown,
  renderReport,
  shardsOf,
  summaryLine
} from "./chunk-MD3FS7SO.js";
import {
  require__
} from "./chunk-IO3UUOAP.js";
import {
  PolicyProblems,
  loadConfig,
  parseJsonDocument,
  problemsOf
} from "./chunk-NO67LPBY.js";
import {
  InputError,
  TOOL_VERSION,
  __toESM,
  compareFindings,
  exitCodeFor,
  fixAsText,
  summaryOf
} from "./chunk-PNCMHPV7.js";

// src/cli/mergeCommand.ts
import { resolve } from "node:path";

// src/report/mergeInput.ts
var import__ = __toESM(require__(), 1);
import { readFile } from "node:fs/promises";

// schema/report.schema.json
var report_schema_default = {
  $schema: "https://json-schema.org/draft/2020-12/schema",
  $id: "https://github.com/clb-guard/clb-guard/schema/report.schema.json",
  title: "clb-guard report (--format json)",
  description: "Version 1 of the report contract. New optional fields may be added; existing ones keep their meaning.",
  type: "object",
  required: [
    "version",
    "tool",
    "mode",
    "complete",
    "summary",
    "findings",
    "policies",
    "exceptions",
    "warnings",
    "target",
    "counts"
  ],
  additionalProperties: false,
  properties: {
    version: {
      const: 1
    },
    tool: {
      type: "object",
      required: [
        "name",
        "version"
      ],
      additionalProperties: false,
      properties: {
        name: {
          const: "clb-guard"
        },
        version: {
          type: "string"
        }
      }
    },
    mode: {
      enum: [
        "plan",
        "live"
      ]
    },
    complete: {
      type: "boolean",
      description: "False when part of the input could not be read, or (plan mode) was deferred or could not be linked: findings there are unknown or missing."
    },
    incompleteReasons: {
      type: "array",
      items: {
        type: "string"
      },
      description: "Why the report is incomplete, one line each, when the source can say (plan mode); present only when complete is false."
    },
    summary: {
      type: "object",
      required: [
        "error",
        "warning",
        "notice",
        "unknown"
      ],
      additionalProperties: false,
      properties: {
        error: {
          type: "integer",
          minimum: 0
        },
        warning: {
          type: "integer",
          minimum: 0
        },
        notice: {
          type: "integer",
          minimum: 0
        },
        unknown: {
          type: "integer",
          minimum: 0
        }
      }
    },
    findings: {
      type: "array",
      items: {
        $ref: "#/$defs/finding"
      }
    },
    fixes: {
      type: "array",
      description: "Each change that fixes findings, once. Findings that one change fixes name it in their `fix`.",
      items: {
        $ref: "#/$defs/fix"
      }
    },
    policies: {
      type: "array",
      items: {
        type: "object",
        required: [
          "id",
          "title",
          "description",
          "severity",
          "source"
        ],
        additionalProperties: false,
        properties: {
          id: {
            type: "string"
          },
          title: {
            type: "string"
          },
          description: {
            type: "string"
          },
          severity: {
            $ref: "#/$defs/severity"
          },
          source: {
            type: "string"
          },
          remediation: {
            type: "string"
          },
          docs: {
            type: "string"
          }
        }
      }
    },
    exceptions: {
      type: "array",
      items: {
        type: "object",
        required: [
          "policy",
          "resource",
          "reason",
          "expires",
          "expired",
          "suppressed"
        ],
        additionalProperties: false,
        properties: {
          policy: {
            type: "string"
          },
          resource: {
            type: "string"
          },
          reason: {
            type: "string"
          },
          expires: {
            type: "string",
            pattern: "^\\d{4}-\\d{2}-\\d{2}$"
          },
          expired: {
            type: "boolean"
          },
          suppressed: {
            type: "integer",
            minimum: 0
          }
        }
      }
    },
    warnings: {
      type: "array",
      items: {
        type: "string"
      }
    },
    target: {
      type: "object",
      additionalProperties: false,
      properties: {
        planFile: {
          type: "string"
        },
        regions: {
          type: "array",
          items: {
            type: "string"
          }
        },
        account: {
          type: "string",
          pattern: "^[A-Za-z0-9][A-Za-z0-9_.-]{0,62}$",
          description: "The account's name (config accounts[].name, --account)."
        },
        snapshot: {
          type: "string",
          description: "The snapshot file checked offline (live --snapshot)."
        },
        shards: {
          type: "array",
          description: "A merged report: each account and region, and whether its scan arrived whole.",
          items: {
            type: "object",
            required: [
              "account",
              "region",
              "status"
            ],
            additionalProperties: false,
            properties: {
              account: {
                type: "string"
              },
              region: {
                type: "string"
              },
              status: {
                enum: [
                  "complete",
                  "incomplete",
                  "missing"
                ]
              },
              report: {
                type: "string"
              },
              reason: {
                type: "string"
              },
              counts: {
                $ref: "#/properties/counts"
              }
            }
          }
        }
      }
    },
    counts: {
      type: "object",
      required: [
        "loadBalancers",
        "backends",
        "securityGroups"
      ],
      additionalProperties: false,
      properties: {
        loadBalancers: {
          type: "integer",
          minimum: 0
        },
        backends: {
          type: "integer",
          minimum: 0
        },
        securityGroups: {
          type: "integer",
          minimum: 0
        }
      }
    },
    resolution: {
      type: "object",
      additionalProperties: false,
      description: "Plan mode with --resolve-live: the objects the plan names by ID and does not manage, as read from the account, the live backends outside the plan that its changes reach, the API calls that took, and whether every read succeeded.",
      required: [
        "regions",
        "objects",
        "dependents",
        "calls",
        "complete"
      ],
      properties: {
        regions: {
          type: "array",
          items: {
            type: "string"
          }
        },
        objects: {
          type: "array",
          items: {
            type: "object",
            additionalProperties: false,
            required: [
              "id",
              "kind",
              "status"
            ],
            properties: {
              id: {
                type: "string"
              },
              kind: {
                type: "string"
              },
              status: {
                enum: [
                  "live",
                  "notFound",
                  "deletedByPlan",
                  "failed"
                ],
                description: "live: read from the account; notFound: the account has no such ID; deletedByPlan: the plan deletes it; failed: the calls kept failing."
              },
              reason: {
                type: "string"
              }
            }
          }
        },
        dependents: {
          type: "array",
          items: {
            type: "string"
          },
          description: "Cloud IDs of live backends outside the plan bound to a security group the plan changes."
        },
        calls: {
          type: "object",
          additionalProperties: {
            type: "integer",
            minimum: 0
          },
          description: "API calls per action."
        },
        complete: {
          type: "boolean"
        }
      }
    }
  },
  $defs: {
    severity: {
      enum: [
        "error",
        "warning",
        "notice"
      ]
    },
    location: {
      oneOf: [
        {
          type: "null"
        },
        {
          type: "object",
          required: [
            "file",
            "line"
          ],
          additionalProperties: false,
          properties: {
            file: {
              type: "string",
              minLength: 1
            },
            line: {
              type: "integer",
              minimum: 1
            },
            endLine: {
              type: "integer",
              minimum: 1
            }
          }
        }
      ]
    },
    finding: {
      type: "object",
      required: [
        "policy",
        "title",
        "severity",
        "status",
        "resource",
        "related",
        "message",
        "location",
        "evidence",
        "fingerprint"
      ],
      additionalProperties: false,
      properties: {
        policy: {
          type: "string"
        },
        title: {
          type: "string"
        },
        severity: {
          $ref: "#/$defs/severity"
        },
        status: {
          enum: [
            "fail",
            "unknown"
          ]
        },
        resource: {
          type: "string",
          description: "Terraform address (plan mode) or cloud ID (live mode) of the resource to fix."
        },
        related: {
          type: "array",
          items: {
            type: "string"
          }
        },
        message: {
          type: "string"
        },
        location: {
          $ref: "#/$defs/location"
        },
        evidence: {
          type: "array",
          items: {
            $ref: "#/$defs/evidence"
          }
        },
        remediation: {
          type: "string",
          description: "The whole remediation as text: the policy's general advice, then the exact fix (the same text as the fix's text, hcl and API call)."
        },
        docs: {
          type: "string"
        },
        consoleUrl: {
          type: "string"
        },
        fingerprint: {
          type: "string",
          pattern: "^[0-9a-f]{32}$"
        },
        fix: {
          type: "string",
          pattern: "^[0-9a-f]{12}$",
          description: "The id of the entry in `fixes` that fixes this finding; findings with the same fix are fixed by one change."
        },
        account: {
          type: "string",
          description: "Merged reports: the account the finding was found in."
        },
        region: {
          type: "string",
          description: "Live reports: the region the finding's resource was read in."
        },
        outsidePlan: {
          type: "object",
          additionalProperties: false,
          description: "Blast radius: the finding is on a live backend outside the plan, judged with the planned version of an object the plan changes.",
          required: [
            "change",
            "changed",
            "backend",
            "loadBalancers",
            "consoleUrls",
            "preexisting"
          ],
          properties: {
            change: {
              type: "array",
              items: {
                type: "string"
              },
              description: "The Terraform resources whose change reaches the backend."
            },
            changed: {
              type: "string",
              description: "Cloud ID of the changed object."
            },
            backend: {
              type: "string"
            },
            loadBalancers: {
              type: "array",
              items: {
                type: "string"
              }
            },
            consoleUrls: {
              type: "array",
              items: {
                type: "string"
              }
            },
            preexisting: {
              type: "boolean",
              description: "True when the backend fails the same way with the live version: not caused by the plan, and it does not fail the run unless --fail-on-preexisting."
            }
          }
        }
      }
    },
    evidence: {
      type: "object",
      required: [
        "verdict",
        "rule"
      ],
      additionalProperties: false,
      properties: {
        flow: {
          type: "string"
        },
        verdict: {
          enum: [
            "allow",
            "deny",
            "unknown"
          ]
        },
        part: {
          type: "string"
        },
        list: {
          type: "string"
        },
        direction: {
          type: "string"
        },
        index: {
          type: "integer",
          minimum: 0,
          description: "Position (0-based) of the written rule that decided, in its list. Absent when no written rule decided (see defaultDeny)."
        },
        rule: {
          type: "string"
        },
        location: {
          $ref: "#/$defs/location"
        },
        reason: {
          type: "string"
        },
        defaultDeny: {
          const: true,
          description: "The list's implicit final DROP decided: no rule matched. `list` names the list that ended (a security group, an interface's ordered groups, a network ACL); `index` is absent."
        }
      },
      not: {
        required: [
          "index",
          "defaultDeny"
        ]
      }
    },
    fix: {
      type: "object",
      required: [
        "id",
        "summary",
        "text",
        "location",
        "rules",
        "findings"
      ],
      additionalProperties: false,
      properties: {
        id: {
          type: "string",
          pattern: "^[0-9a-f]{12}$",
          description: "Stable across runs: derived from what the change is."
        },
        summary: {
          type: "string",
          description: '"One rule fixes 3 findings on tencentcloud_instance.api".'
        },
        text: {
          type: "string",
          description: "Prose: what to change, in the resource that holds the rule, at which .tf line."
        },
        resource: {
          type: "string",
          description: "The resource to edit: rule set, lite rule, single rule, instance or CLB (plan), cloud ID (live)."
        },
        location: {
          $ref: "#/$defs/location"
        },
        hcl: {
          type: "string",
          description: "A Terraform snippet in modern HCL (references are bare expressions, never interpolation-only strings)."
        },
        api: {
          type: "object",
          required: [
            "service",
            "action",
            "request"
          ],
          additionalProperties: false,
          properties: {
            service: {
              enum: [
                "vpc",
                "cvm",
                "clb"
              ]
            },
            action: {
              type: "string"
            },
            request: {
              type: "object"
            }
          },
          description: "The same change as an API 3.0 call."
        },
        rules: {
          type: "integer",
          minimum: 0,
          description: "How many rules the change adds or edits."
        },
        findings: {
          type: "array",
          minItems: 1,
          items: {
            type: "string",
            pattern: "^[0-9a-f]{32}$"
          },
          description: "Fingerprints of the findings this change fixes."
        }
      }
    }
  }
};

// src/report/mergeInput.ts
var validator;
var validate = () => validator ??= new import__.Ajv2020({ allErrors: true, strictTypes: false, verbose: true }).compile(report_schema_default);
async function readReportFile(path, display) {
  let text;
  try {
    text = await readFile(path, "utf8");
  } catch (error) {
    const code = error.code;
    throw new InputError(
      code === "ENOENT" ? "no such report file" : code === "EISDIR" ? "is a folder, not a report" : `cannot be read (${code ?? "error"})`,
      { file: display }
    );
  }
  const doc = parseJsonDocument(text, display);
  const value = doc.value;
  if (typeof value === "object" && value !== null && "takenAt" in value && Array.isArray(value.regions)) {
    throw new InputError("is a snapshot, not a report: check it with clb-guard live --snapshot FILE --format json, and merge that report", {
      file: display
    });
  }
  const problems = problemsOf(doc, validate());
  if (problems.length > 0) throw new PolicyProblems(problems);
  const json = doc.value;
  const fixes = new Map(json.fixes.map(({ summary: _summary, findings: _findings, ...fix }) => [fix.id, fix]));
  const findings = json.findings.map(({ fix, ...finding }) => {
    const found = fix === void 0 ? void 0 : fixes.get(fix);
    const advice = adviceOf(finding.remediation, found);
    return { ...finding, ...advice !== void 0 ? { advice } : {}, ...found !== void 0 ? { fix: found } : {} };
  });
  const { fixes: _fixes, ...report } = json;
  return { ...report, findings };
}
function adviceOf(remediation, fix) {
  if (remediation === void 0 || fix === void 0) return remediation;
  const exact = fixAsText(fix);
  if (remediation === exact) return void 0;
  return remediation.endsWith(`
${exact}`) ? remediation.slice(0, -exact.length - 1) : remediation;
}
async function readShardReports(files) {
  const shards = [];
  for (const { path, display } of files) shards.push({ file: display, report: await readReportFile(path, display) });
  return shards;
}
async function expectedShards(options) {
  const config = await loadConfig({ cwd: options.cwd, ...options.configFile !== void 0 ? { configFile: options.configFile } : {} });
  const expected = shardsOf(config.accounts ?? []).map(({ account, region }) => ({ account, region }));
  options.logger.info(
    config.file === void 0 ? "no .clb-guard.json found: the reports given are merged as they are, and no account or region is required to have one" : expected.length === 0 ? `using config ${config.file}: it lists no "accounts", so no account or region is required to have a report` : `using config ${config.file}: ${expected.length} account and region ${expected.length === 1 ? "pair" : "pairs"} must each have a report`
  );
  return expected;
}
function incompleteShardsText(report) {
  return (report.target.shards ?? []).filter((s) => s.status !== "complete").map((s) => `${s.account} ${s.region} (${s.status === "missing" ? "no report" : "incomplete scan"})`).join(", ");
}

// src/report/mergeMarkdown.ts
var MIN_SECTION = 1500;
var STATUS = {
  complete: "\u2705 complete",
  incomplete: "\u26A0\uFE0F incomplete",
  missing: "\u26A0\uFE0F incomplete (no report)"
};
var REGION_UNKNOWN = "region unknown";
function unplacedSections(report) {
  const shards = report.target.shards ?? [];
  const placed = (f) => shards.some((s) => s.account === f.account && s.region === f.region);
  const byAccount = /* @__PURE__ */ new Map();
  for (const f of report.findings) {
    if (placed(f)) continue;
    const account = f.account ?? "";
    byAccount.set(account, [...byAccount.get(account) ?? [], f]);
  }
  return [...byAccount].map(([account, findings]) => {
    const scans = /* @__PURE__ */ new Map();
    for (const s of shards) if (s.account === account && s.report !== void 0) scans.set(s.report, [...scans.get(s.report) ?? [], s]);
    const several = [...scans.values()].filter((regions2) => regions2.length > 1);
    const counts = { loadBalancers: 0, backends: 0, securityGroups: 0 };
    for (const [first] of several) {
      counts.loadBalancers += first?.counts?.loadBalancers ?? 0;
      counts.backends += first?.counts?.backends ?? 0;
      counts.securityGroups += first?.counts?.securityGroups ?? 0;
    }
    const regions = several.flatMap((regions2) => regions2.map((s) => s.region));
    return { ...report, findings, summary: summaryOf(findings), exceptions: [], warnings: [], target: { account, regions }, counts };
  });
}
function sharedReportRegions(report, shard) {
  if (shard.report === void 0) return [];
  const regions = (report.target.shards ?? []).filter((s) => s.account === shard.account && s.report === shard.report).map((s) => s.region);
  return regions.length > 1 ? regions : [];
}
function sectionReport(report, shard) {
  const findings = report.findings.filter((f) => f.account === shard.account && f.region === shard.region);
  return {
    ...report,
    complete: shard.status === "complete",
    findings,
    summary: summaryOf(findings),
    exceptions: [],
    warnings: [],
    target: { account: shard.account, regions: [shard.region] },
    counts: shard.counts ?? { loadBalancers: 0, backends: 0, securityGroups: 0 }
  };
}
function renderMergedMarkdown(report, options = {}) {
  const shards = report.target.shards ?? [];
  const accounts = new Set(shards.map((s) => s.account)).size;
  const incomplete = shards.filter((s) => s.status !== "complete");
  const head = [
    `## ${options.heading ?? "clb-guard"} \u2014 ${accounts} ${accounts === 1 ? "account" : "accounts"}, ${shards.length} account and region ${shards.length === 1 ? "pair" : "pairs"}`,
    ""
  ];
  if (incomplete.length > 0)
    head.push(
      "> [!CAUTION]",
      `> ${incomplete.length} of ${shards.length} ${shards.length === 1 ? "section is" : "sections are"} **incomplete**: ${incomplete.map((s) => `${s.account} / ${s.region}`).join(", ")}. Findings there are unknown or missing, so this result is not clean.`,
      ""
    );
  head.push(
    `**${summaryLine(report)}**`,
    "",
    "| account | region | status | errors | warnings | notices | unknown |",
    "|---|---|---|---:|---:|---:|---:|"
  );
  for (const shard of shards) {
    const { summary } = sectionReport(report, shard);
    head.push(
      `| ${shard.account} | ${shard.region} | ${STATUS[shard.status]} | ${summary.error} | ${summary.warning} | ${summary.notice} | ${summary.unknown} |`
    );
  }
  const unplaced = unplacedSections(report);
  for (const { target, summary } of unplaced)
    head.push(
      `| ${target.account} | ${REGION_UNKNOWN} | \u26A0\uFE0F not in a region | ${summary.error} | ${summary.warning} | ${summary.notice} | ${summary.unknown} |`
    );
  const expired = report.exceptions.filter((e) => e.expired).length;
  if (expired > 0) head.push("", `\u26A0\uFE0F ${expired} exception(s) expired and no longer apply.`);
  const text = head.join("\n");
  const limit = options.maxChars ?? 1e6;
  const share = Math.floor((limit - text.length - 200) / Math.max(1, shards.length + unplaced.length));
  const sections = shards.map((shard) => {
    const heading = `${shard.account} / ${shard.region}`;
    if (shard.status === "missing") return `## ${heading}

> [!CAUTION]
> **Incomplete**: ${shard.reason ?? "no report"}.
`;
    const section = sectionReport(report, shard);
    if (share < MIN_SECTION)
      return `## ${heading}

${shard.status === "complete" ? "" : "\u26A0\uFE0F **incomplete** \u2014 "}**${summaryLine(section)}**; the findings are in ${options.overflowHint ?? "the full report"}.
`;
    const body = renderMarkdown(section, { ...options, heading, maxChars: share });
    const together = sharedReportRegions(report, shard);
    const notes = [
      ...shard.reason !== void 0 ? [shard.reason] : [],
      ...together.length > 0 ? [`the counts are those of ${shard.report}, one scan of ${together.join(" and ")} together`] : []
    ];
    return notes.length > 0 ? body.replace(/\n/, `

<sub>${escapeText(notes.join("; "))}</sub>
`) : body;
  });
  const unplacedText = unplaced.map((section) => {
    const heading = `${section.target.account} / ${REGION_UNKNOWN}`;
    if (share < MIN_SECTION)
      return `## ${heading}

**${summaryLine(section)}**; the findings are in ${options.overflowHint ?? "the full report"}.
`;
    const regions = section.target.regions ?? [];
    const note = `their report is one scan of ${regions.join(" and ")}, which did not say which region these were read in; the counts are that scan's`;
    return renderMarkdown(section, { ...options, heading, maxChars: share }).replace(/\n/, `

<sub>${escapeText(note)}</sub>
`);
  });
  return `${[text, ...sections, ...unplacedText].join("\n\n").slice(0, limit - 1)}
`;
}
function escapeText(text) {
  return text.replace(/[<>]/g, (c) => c === "<" ? "&lt;" : "&gt;");
}

// src/report/mergeRender.ts
function renderMergedReport(report, format, options) {
  if (format === "markdown") return renderMergedMarkdown(report, options.links ? { links: options.links } : {});
  if (format !== "text") return renderReport(report, format, options);
  const shards = report.target.shards ?? [];
  const lines = shards.map(
    (s) => `${s.account} ${s.region}: ${s.status === "complete" ? "complete" : `INCOMPLETE (${s.reason ?? s.status})`}; ${summaryLine(sectionReport(report, s))}`
  );
  for (const section of unplacedSections(report)) lines.push(`${section.target.account} (${REGION_UNKNOWN}): ${summaryLine(section)}`);
  const named = {
    ...report,
    findings: report.findings.map((f) => ({ ...f, resource: `${f.account}/${f.region ?? REGION_UNKNOWN}/${f.resource}` }))
  };
  return `${lines.join("\n")}

${renderReport(named, "text", options)}`;
}

// src/report/mergeReports.ts
import { createHash } from "node:crypto";
var DEFAULT_ACCOUNT = "default";
var byText = (a, b) => a < b ? -1 : a > b ? 1 : 0;
var hashed = (length, ...parts) => createHash("sha256").update(parts.join("\0")).digest("hex").slice(0, length);
function scopedFinding(finding, account, region, scope) {
  const { region: _given, ...rest } = finding;
  return {
    ...rest,
    account,
    ...region !== void 0 ? { region } : {},
    fingerprint: hashed(32, account, scope, finding.fingerprint),
    ...finding.fix !== void 0 ? { fix: { ...finding.fix, id: hashed(12, account, scope, finding.fix.id) } } : {}
  };
}
function regionOf(finding, regions) {
  if (finding.region !== void 0 && regions.includes(finding.region)) return finding.region;
  return regions.length === 1 ? regions[0] : void 0;
}
function policyDifferences(a, b) {
  const fields = ["title", "description", "severity", "remediation", "docs", "source"];
  return fields.filter((field) => a[field] !== b[field]);
}
function mergeReports(shards, expected = []) {
  const sections = /* @__PURE__ */ new Map();
  const findings = [];
  const policies = /* @__PURE__ */ new Map();
  const exceptions = /* @__PURE__ */ new Map();
  const warnings = [];
  const counts = { loadBalancers: 0, backends: 0, securityGroups: 0 };
  const ordered = [...shards].sort(
    (a, b) => byText(a.report.target.account ?? DEFAULT_ACCOUNT, b.report.target.account ?? DEFAULT_ACCOUNT) || byText((a.report.target.regions ?? []).join(), (b.report.target.regions ?? []).join()) || byText(a.file, b.file)
  );
  for (const { file, report } of ordered) {
    if (report.mode !== "live")
      throw new InputError("is a plan report: merge combines the live reports of shards (one per account and region)", { file });
    const account = report.target.account ?? DEFAULT_ACCOUNT;
    const regions = report.target.regions ?? [];
    if (regions.length === 0) throw new InputError("names no region in its target: not a report of a live scan", { file });
    const reason = report.complete ? void 0 : `the scan was incomplete${report.warnings[0] !== void 0 ? ` (${report.warnings[0]})` : ""}`;
    for (const region of regions) {
      const key = `${account}\0${region}`;
      const other = sections.get(key);
      if (other !== void 0)
        throw new InputError(`holds account ${account} region ${region}, as ${other.report} does: one report per account and region`, {
          file
        });
      sections.set(key, {
        account,
        region,
        status: report.complete ? "complete" : "incomplete",
        report: file,
        ...reason !== void 0 ? { reason } : {},
        counts: report.counts
      });
    }
    const scoped = report.findings.map((f) => {
      const region = regionOf(f, regions);
      return scopedFinding(f, account, region, region ?? regions.join("+"));
    });
    const unplaced = scoped.filter((f) => f.region === void 0).length;
    if (unplaced > 0)
      warnings.push(
        `${account}: ${unplaced} ${unplaced === 1 ? "finding names" : "findings name"} no region in ${file}, a report of ${regions.join(", ")}: ${unplaced === 1 ? "it is" : "they are"} shown under "region unknown"`
      );
    findings.push(...scoped);
    for (const p of report.policies) {
      const kept = policies.get(p.id);
      if (kept === void 0) policies.set(p.id, { info: p, file });
      else {
        const differences = policyDifferences(kept.info, p);
        if (differences.length > 0)
          warnings.push(
            `policy ${p.id}: ${file} defines it differently from ${kept.file} (${differences.join(", ")}); the merged report lists the definition of ${kept.file}, each finding keeps its own severity`
          );
      }
    }
    for (const e of report.exceptions) {
      const key = [e.policy, e.resource, e.reason, e.expires].join("\0");
      const seen = exceptions.get(key);
      exceptions.set(
        key,
        seen === void 0 ? e : { ...seen, suppressed: seen.suppressed + e.suppressed, expired: seen.expired || e.expired }
      );
    }
    warnings.push(...report.warnings.map((w) => `${account}: ${w}`));
    counts.loadBalancers += report.counts.loadBalancers;
    counts.backends += report.counts.backends;
    counts.securityGroups += report.counts.securityGroups;
  }
  for (const { account, region } of expected) {
    const key = `${account}\0${region}`;
    if (sections.has(key)) continue;
    const reason = "no report: the shard failed before it wrote one, or its artifact was not downloaded";
    sections.set(key, { account, region, status: "missing", reason });
    warnings.push(`${account} ${region}: ${reason}`);
  }
  const wanted = new Set(expected.map((e) => `${e.account}\0${e.region}`));
  if (expected.length > 0) {
    for (const [key, s] of sections)
      if (!wanted.has(key))
        warnings.push(`${s.account} ${s.region}: ${s.report} is a report of an account and region the config's accounts do not list`);
  }
  const status = [...sections.values()].sort((a, b) => byText(a.account, b.account) || byText(a.region, b.region));
  const sorted = findings.sort(compareFindings);
  return {
    version: 1,
    tool: { name: "clb-guard", version: TOOL_VERSION },
    mode: "live",
    complete: status.length > 0 && status.every((s) => s.status === "complete"),
    summary: summaryOf(sorted),
    findings: sorted,
    policies: [...policies.values()].map((p) => p.info),
    exceptions: [...exceptions.values()],
    warnings,
    target: { regions: [...new Set(status.map((s) => s.region))].sort(byText), shards: status },
    counts
  };
}

// src/cli/mergeCommand.ts
async function runMerge(command, io) {
  const logger = consoleLogger({ verbose: command.common.verbose, stream: io.stderr });
  const expected = await expectedShards({
    cwd: io.cwd,
    logger,
    ...command.common.config !== void 0 ? { configFile: command.common.config } : {}
  });
  const shards = await readShardReports(command.reports.map((file) => ({ path: resolve(io.cwd, file), display: file })));
  const report = mergeReports(shards, expected);
  for (const warning of new Set(report.warnings)) logger.warning(warning);
  await emit(report, command.common, io, renderMergedReport);
  if (!report.complete && !command.allowPartial) {
    io.stderr.write(
      `clb-guard: the merged result is incomplete: ${incompleteShardsText(report)}. Re-run those shards, or pass --allow-partial to exit by the findings alone.
`
    );
    return 2;
  }
  return exitCodeFor(report, command.common.failOn);
}
export {
  runMerge
};
