#!/usr/bin/env node
import { createRequire as __clbGuardCreateRequire } from 'node:module';
const require = __clbGuardCreateRequire(import.meta.url);
import {
  checkPlan,
  formatProblem,
  isCalendarDate,
  loadConfig,
  loadRunConfig,
  sensitiveTextOf,
  validatePolicyFiles
} from "./chunk-NO67LPBY.js";
import {
  InputError,
  TOOL_VERSION,
  closestMatch,
  errorMessage,
  exitCodeFor,
  fixAsText,
  fixGroupsOf,
  fixSummary,
  summaryOf
} from "./chunk-PNCMHPV7.js";

// src/cli/consoleLogger.ts
function consoleLogger(options) {
  const stream = options.stream ?? process.stderr;
  const tty = stream.isTTY === true;
  let progressShown = false;
  const clearProgress = () => {
    if (progressShown) {
      stream.write("\r\x1B[2K");
      progressShown = false;
    }
  };
  const line = (text) => {
    clearProgress();
    stream.write(`${text}
`);
  };
  return {
    debug: (m) => options.verbose ? line(`debug: ${m}`) : void 0,
    info: (m) => line(m),
    warning: (m) => line(`warning: ${m}`),
    error: (m) => line(`error: ${m}`),
    async group(name, fn) {
      if (options.verbose) line(`== ${name}`);
      return fn();
    },
    progress(m) {
      if (!tty) return;
      stream.write(`\r\x1B[2K${m}`);
      progressShown = true;
    }
  };
}

// src/cli/runCli.ts
import { existsSync } from "node:fs";
import { dirname as dirname2, resolve } from "node:path";

// src/check/shards.ts
var ACCOUNT_NAME = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,62}$/;
function shardsOf(accounts) {
  return accounts.flatMap(
    (a) => a.regions.map((region) => ({
      account: a.name,
      ...a.roleArn !== void 0 ? { role: a.roleArn } : {},
      ...a.oidcProviderId !== void 0 ? { oidcProviderId: a.oidcProviderId } : {},
      region
    }))
  );
}
function accountsOrExplain(accounts, configFile) {
  if (accounts !== void 0 && accounts.length > 0) return accounts;
  const where = configFile === void 0 ? 'no .clb-guard.json was found (pass --config FILE), so there are no "accounts"' : `${configFile} has no "accounts"`;
  throw new InputError(
    `${where}: list them, e.g. "accounts": [{"name": "prod", "roleArn": "qcs::cam::uin/100000000001:roleName/clb-guard-readonly", "oidcProviderId": "github-actions", "regions": ["ap-guangzhou"]}]`
  );
}
function shardAt(accounts, configFile, index) {
  const all = shardsOf(accountsOrExplain(accounts, configFile));
  const shard = all[index];
  if (shard === void 0)
    throw new InputError(
      `there is no shard ${index}: ${configFile ?? "the config"} has ${all.length} (0 to ${all.length - 1}); set the job's completions to ${all.length}`
    );
  return shard;
}

// src/report/incompleteNote.ts
function incompleteNote(report) {
  if (report.target.shards !== void 0)
    return "some account and region has no report or an incomplete one; findings there are unknown or missing";
  if (report.mode === "plan")
    return "part of the plan (or, with --resolve-live, of the account) could not be read or was deferred, or could not be linked; findings there are unknown";
  return "part of the account could not be read; findings there are unknown";
}
function incompleteReasonLines(report, shown = 10) {
  const reasons = report.complete ? [] : report.incompleteReasons ?? [];
  if (reasons.length <= shown) return [...reasons];
  return [...reasons.slice(0, shown), `\u2026 and ${reasons.length - shown} more (see the warnings)`];
}
function planIncompleteSentence(report) {
  const reasons = report.incompleteReasons ?? [];
  if (reasons.length === 0)
    return "the plan is marked incomplete (planning failed or deferred some changes); what it leaves out is not checked";
  const more = reasons.length > 1 ? ` (and ${reasons.length - 1} more: see the warnings)` : "";
  return `the plan check is incomplete: ${reasons[0]}${more}`;
}

// src/report/jsonReport.ts
function renderJson(report) {
  return [...jsonReportChunks(report)].join("");
}
function* jsonReportChunks(report) {
  const fields = [
    ["version", report.version],
    ["tool", { name: report.tool.name, version: report.tool.version }],
    ["mode", report.mode],
    ["complete", report.complete],
    ["incompleteReasons", report.incompleteReasons],
    [
      "summary",
      {
        error: report.summary.error,
        warning: report.summary.warning,
        notice: report.summary.notice,
        unknown: report.summary.unknown
      }
    ]
  ];
  yield* topLevelFields(fields, true);
  yield* topLevelArray("findings", report.findings, orderFinding);
  yield* topLevelArray("fixes", fixGroupsOf(report.findings), orderFix);
  yield* topLevelFields(
    [
      [
        "policies",
        report.policies.map((p) => ({
          id: p.id,
          title: p.title,
          description: p.description,
          severity: p.severity,
          source: p.source,
          ...p.remediation ? { remediation: p.remediation } : {},
          ...p.docs ? { docs: p.docs } : {}
        }))
      ],
      ["exceptions", report.exceptions],
      ["warnings", report.warnings],
      ["target", report.target],
      ["counts", report.counts],
      ["resolution", report.resolution]
    ],
    false
  );
  yield "\n}\n";
}
function* topLevelFields(fields, first) {
  let lead = first ? "{\n" : ",\n";
  for (const [key, value] of fields) {
    if (value === void 0) continue;
    yield `${lead}${JSON.stringify({ [key]: value }, null, 2).slice(2, -2)}`;
    lead = ",\n";
  }
}
function* topLevelArray(key, items, order) {
  if (items.length === 0) {
    yield `,
  ${JSON.stringify(key)}: []`;
    return;
  }
  yield `,
  ${JSON.stringify(key)}: [`;
  let separator = "";
  for (const item of items) {
    yield `${separator}${JSON.stringify([[order(item)]], null, 2).slice(5, -6)}`;
    separator = ",";
  }
  yield "\n  ]";
}
function orderFix(group) {
  return {
    id: group.fix.id,
    summary: fixSummary(group),
    text: group.fix.text,
    ...group.fix.resource !== void 0 ? { resource: group.fix.resource } : {},
    location: group.fix.location ?? null,
    ...group.fix.hcl !== void 0 ? { hcl: group.fix.hcl } : {},
    ...group.fix.api !== void 0 ? { api: { service: group.fix.api.service, action: group.fix.api.action, request: group.fix.api.request } } : {},
    rules: group.fix.rules,
    findings: group.findings.map((f) => f.fingerprint)
  };
}
function orderFinding(f) {
  return {
    policy: f.policy,
    title: f.title,
    severity: f.severity,
    status: f.status,
    resource: f.resource,
    related: f.related,
    message: f.message,
    location: f.location,
    evidence: f.evidence,
    ...f.fix !== void 0 ? { fix: f.fix.id } : {},
    ...f.remediation !== void 0 ? { remediation: f.remediation } : {},
    ...f.docs !== void 0 ? { docs: f.docs } : {},
    ...f.consoleUrl !== void 0 ? { consoleUrl: f.consoleUrl } : {},
    ...f.account !== void 0 ? { account: f.account } : {},
    ...f.region !== void 0 ? { region: f.region } : {},
    ...f.outsidePlan !== void 0 ? { outsidePlan: f.outsidePlan } : {},
    fingerprint: f.fingerprint
  };
}

// src/report/markdownEscape.ts
function escapeMarkdown(text) {
  return text.replace(/[<>]/g, (c) => c === "<" ? "&lt;" : "&gt;").replace(/`/g, "'").replace(/\|/g, "\\|");
}
function fence(text) {
  return text.replace(/```/g, "'''");
}

// src/report/outsidePlanSection.ts
function outsidePlanLines(report, links) {
  const resolution = report.resolution;
  if (resolution === void 0) return [];
  const read = resolution.objects.filter((o) => o.status === "live").length;
  const calls = Object.values(resolution.calls).reduce((a, b) => a + b, 0);
  const absent = resolution.objects.filter((o) => o.status !== "live");
  const lines = [
    `<sub>Resolved live in ${resolution.regions.join(", ")}: ${read} of ${resolution.objects.length} objects the plan names by ID, ${resolution.dependents.length} live backends its changes reach; ${calls} API calls${resolution.complete ? "" : "; **incomplete**"}.${absent.length > 0 ? ` Not resolved: ${absent.map((o) => escapeMarkdown(o.reason ?? o.id)).join("; ")}.` : ""}</sub>`,
    ""
  ];
  const outside = report.findings.filter((f) => f.outsidePlan !== void 0);
  if (outside.length === 0) return lines;
  const caused = outside.filter((f) => f.outsidePlan.preexisting === false);
  const preexisting = outside.filter((f) => f.outsidePlan.preexisting);
  lines.push("### Outside this plan", "");
  if (caused.length > 0) {
    lines.push(
      `This plan breaks ${caused.length === 1 ? "a live backend" : `${caused.length} findings on live backends`} that other workspaces or the console manage:`,
      ""
    );
    for (const f of caused) lines.push(`- ${causedLine(f, links)}`);
    lines.push("");
  } else lines.push("The plan changes objects that live backends outside it depend on; it breaks none of them.", "");
  if (preexisting.length > 0) {
    const backends = [...new Set(preexisting.map((f) => f.outsidePlan.backend))];
    lines.push(
      `<sub>${preexisting.length} pre-existing ${preexisting.length === 1 ? "failure" : "failures"} on ${backends.map((b) => `\`${escapeMarkdown(b)}\``).join(", ")}: ${preexisting.length === 1 ? "it is" : "they are"} there with the live version too, so not caused by this plan (they fail the run only with \`--fail-on-preexisting\`).</sub>`,
      ""
    );
  }
  return lines;
}
function causedLine(f, links) {
  const o = f.outsidePlan;
  const link = (id) => {
    const url = o.consoleUrls.find((u) => u.includes(`id=${id}`));
    return url === void 0 ? `\`${escapeMarkdown(id)}\`` : `[\`${escapeMarkdown(id)}\`](${url})`;
  };
  const behind = o.loadBalancers.length > 0 ? ` behind ${o.loadBalancers.map(link).join(", ")}` : "";
  const where = f.location ? ` \u2014 change at ${locationLink(f.location, links)}` : "";
  return `**${f.severity.toUpperCase()}** \`${f.policy}\` on live ${link(o.backend)}${behind}, by the change to \`${escapeMarkdown(o.changed)}\` (${o.change.map((c) => `\`${escapeMarkdown(c)}\``).join(", ")})${where}`;
}

// src/report/pathDiagram/mermaidText.ts
function mermaidLabel(lines) {
  return `"${lines.map(escapeLine).join("<br/>")}"`;
}
var ENTITIES = {
  "#": "#35;",
  '"': "#quot;",
  "<": "#lt;",
  ">": "#gt;",
  "&": "#amp;",
  "`": "#96;",
  "\\": "#92;"
};
function escapeLine(text) {
  const flat = text.replace(/[\u0000-\u001f\u007f\u2028\u2029]+/g, " ");
  return flat.replace(/[#"<>&`\\]/g, (c) => ENTITIES[c]);
}
function clip(text, max = 72) {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join("")}\u2026`;
}

// src/report/pathDiagram/mermaidFlowchart.ts
var MAX_FLOWS_PER_DIAGRAM = 8;
var MAX_LAYERS_PER_FLOW = 12;
var MAX_RULES_PER_NODE = 3;
var MAX_TARGETS_NAMED = 4;
var CLASS_DEFS = [
  "classDef source fill:#ddf4ff,stroke:#0969da,color:#1f2328",
  "classDef target fill:#f6f8fa,stroke:#1f2328,color:#1f2328",
  "classDef allow fill:#dafbe1,stroke:#1a7f37,color:#1f2328",
  "classDef next fill:#ffffff,stroke:#1a7f37,color:#1f2328,stroke-dasharray:2 2",
  "classDef deny fill:#ffebe9,stroke:#cf222e,color:#1f2328,stroke-width:3px",
  "classDef unknown fill:#fff8c5,stroke:#9a6700,color:#1f2328",
  "classDef skipped fill:#f6f8fa,stroke:#8c959f,color:#57606a,stroke-dasharray:4 3"
];
var LINK_STYLE = {
  source: "stroke:#57606a,stroke-width:1px",
  allow: "stroke:#1a7f37,stroke-width:2px",
  next: "stroke:#1a7f37,stroke-width:2px",
  deny: "stroke:#cf222e,stroke-width:3px",
  unknown: "stroke:#9a6700,stroke-width:2px,stroke-dasharray:4 3",
  skipped: "stroke:#8c959f,stroke-width:1px,stroke-dasharray:3 3"
};
var ARROW = {
  source: "-->",
  allow: "-->",
  next: "-->",
  deny: "--x",
  unknown: "-.->",
  skipped: "-.->"
};
function renderPathFlowchart(group) {
  const lines = ["flowchart LR"];
  const nodes = [];
  const edges = [];
  const styles = /* @__PURE__ */ new Map();
  const link = (from, to, style) => {
    const list = styles.get(LINK_STYLE[style]) ?? [];
    list.push(edges.length);
    styles.set(LINK_STYLE[style], list);
    edges.push(`  ${from} ${ARROW[style]} ${to}`);
  };
  const sources = /* @__PURE__ */ new Map();
  const targets = /* @__PURE__ */ new Map();
  const targetName = group.targets.length === 1 ? group.targets[0] : `${group.targets.length} backends`;
  const flows = group.flows.slice(0, MAX_FLOWS_PER_DIAGRAM);
  flows.forEach((flow, f) => {
    let sourceId = sources.get(flow.source);
    if (sourceId === void 0) {
      sourceId = `s${sources.size}`;
      sources.set(flow.source, sourceId);
      nodes.push(`  ${sourceId}([${mermaidLabel(wrap(flow.source))}]):::source`);
    }
    let targetId = targets.get(flow.destination);
    if (targetId === void 0) {
      targetId = `t${targets.size}`;
      targets.set(flow.destination, targetId);
      nodes.push(`  ${targetId}(${mermaidLabel([clip(targetName, 90), flow.destination])}):::target`);
    }
    const inbound = flow.layers.filter((l) => l.kind !== "networkAclOut").slice(0, MAX_LAYERS_PER_FLOW);
    const reply = flow.layers.filter((l) => l.kind === "networkAclOut");
    let previous = sourceId;
    let style = "source";
    let skipped = [];
    const reach = (id) => {
      link(previous, id, style);
      let from = skipped.length > 0 ? previous : void 0;
      for (const s of skipped) {
        link(from, s, "skipped");
        from = s;
      }
      if (from !== void 0) link(from, id, "skipped");
      skipped = [];
    };
    inbound.forEach((layer, i) => {
      const id = `f${f}l${i}`;
      nodes.push(`  ${id}[${mermaidLabel(layerLines(layer))}]:::${layer.outcome}`);
      if (layer.outcome === "skipped") {
        skipped.push(id);
        return;
      }
      reach(id);
      previous = id;
      style = layer.outcome;
    });
    reach(targetId);
    if (reply.length > 0) {
      let from = targetId;
      let replyStyle = "source";
      reply.forEach((layer, i) => {
        const id = `f${f}r${i}`;
        nodes.push(`  ${id}[${mermaidLabel(layerLines(layer))}]:::${layer.outcome}`);
        link(from, id, replyStyle);
        from = id;
        replyStyle = layer.outcome;
      });
      const back = `f${f}back`;
      nodes.push(`  ${back}([${mermaidLabel(wrap(`replies to ${flow.source}`))}]):::source`);
      link(from, back, replyStyle);
    }
  });
  lines.push(...CLASS_DEFS.map((c) => `  ${c}`), ...nodes, ...edges);
  for (const [style, indexes] of styles) lines.push(`  linkStyle ${indexes.join(",")} ${style}`);
  return lines.join("\n");
}
function targetsLabel(targets) {
  const shown = targets.slice(0, MAX_TARGETS_NAMED).join(", ");
  return targets.length > MAX_TARGETS_NAMED ? `${shown} and ${targets.length - MAX_TARGETS_NAMED} more` : shown;
}
var KIND_LABEL = {
  loadBalancerGroup: "CLB security group",
  securityGroup: "backend security group",
  networkAclIn: "subnet ACL in",
  networkAclOut: "subnet ACL out (reply)"
};
function layerLines(layer) {
  const title = layer.name && layer.name !== layer.resource ? `${layer.name} (${layer.resource})` : layer.resource;
  const lines = [KIND_LABEL[layer.kind], clip(title)];
  const deciding = layer.outcome === "deny" ? layer.rules.filter((r) => r.verdict !== "allow") : layer.rules;
  const rules = deciding.slice(0, MAX_RULES_PER_NODE);
  for (const rule of rules) {
    lines.push(clip(ruleLabel(rule)));
    if (rule.location) lines.push(clip(`${rule.location.file}:${rule.location.line}`));
    if (rule.part !== void 0) lines.push(clip(`for ${rule.part}`));
  }
  if (deciding.length > rules.length) lines.push(`+${deciding.length - rules.length} more`);
  const admitted = layer.rules.filter((r) => r.verdict === "allow" && !deciding.includes(r));
  if (admitted.length > 0)
    lines.push(clip(`the rest admitted by ${admitted.map((r) => r.index !== void 0 ? `#${r.index}` : r.rule).join(", ")}`));
  if (layer.outcome === "next") lines.push("no rule matched: next group");
  if (layer.note !== void 0 && (layer.outcome === "skipped" || layer.outcome === "unknown" || layer.rules.length === 0))
    lines.push(clip(layer.note));
  return lines;
}
function ruleLabel(rule) {
  return rule.index !== void 0 ? `#${rule.index} ${rule.rule}` : rule.rule;
}
function wrap(text) {
  return [clip(text, 90)];
}

// src/report/pathDiagram/pathGroups.ts
function pathGroupsOf(findings) {
  const byTarget = /* @__PURE__ */ new Map();
  for (const finding of findings) {
    if (finding.status !== "fail") continue;
    for (const path of finding.paths ?? []) {
      const key = `${path.loadBalancer ?? ""}\0${path.listener ?? ""}\0${path.target}`;
      const entry = byTarget.get(key) ?? { path, flows: /* @__PURE__ */ new Map(), findings: /* @__PURE__ */ new Set() };
      const flowKey = flowSignature(path);
      if (!entry.flows.has(flowKey)) entry.flows.set(flowKey, path);
      entry.findings.add(finding);
      byTarget.set(key, entry);
    }
  }
  const groups = /* @__PURE__ */ new Map();
  for (const { path, flows, findings: found } of byTarget.values()) {
    const signature = `${path.loadBalancer ?? ""}\0${path.listener ?? ""}\0${[...flows.keys()].sort().join("")}`;
    let group = groups.get(signature);
    if (group === void 0) {
      group = {
        ...path.loadBalancer ? { loadBalancer: path.loadBalancer } : {},
        ...path.listener ? { listener: path.listener } : {},
        targets: [],
        flows: [...flows.values()],
        findings: /* @__PURE__ */ new Set()
      };
      groups.set(signature, group);
    }
    group.targets.push(path.target);
    for (const f of found) group.findings.add(f);
  }
  return [...groups.values()].map((g) => ({ ...g, findings: [...g.findings] }));
}
function flowSignature(path) {
  return JSON.stringify([path.source, path.destination, path.layers]);
}

// src/report/pathDiagram/pathSection.ts
var MAX_DIAGRAMS = 20;
var MAX_DIAGRAM_CHARS = 2e4;
var MAX_SHARED_NAMED = 20;
var MAX_TARGETS_IN_HEADING = 4;
function renderPathSection(findings, budget) {
  const groups = pathGroupsOf(findings);
  if (groups.length === 0) return { text: "", drawn: 0, omitted: 0 };
  const intro = [
    "",
    "",
    "### Paths",
    "",
    "<sub>Each failing flow from its source through every layer it crosses to the backend port: green passed, red refused (the deciding rule is named, with its line), grey dotted not evaluated.</sub>"
  ];
  let text = intro.join("\n");
  let drawn = 0;
  for (const group of groups) {
    if (drawn === MAX_DIAGRAMS) break;
    const block = diagramBlock(group);
    if (block === void 0 || text.length + block.length + 200 > budget) break;
    text += block;
    drawn++;
  }
  const omitted = groups.length - drawn;
  if (omitted > 0) {
    const paths = drawn === 0 ? `${omitted === 1 ? "The path is" : `The ${omitted} paths are`}` : `${omitted} more ${omitted === 1 ? "path is" : "paths are"}`;
    const note = `<sub>${paths} not drawn, to stay within GitHub's size limits: ${omitted === 1 ? "its findings" : "their findings"} below say the same as text.</sub>`;
    if (drawn === 0) return { text: note.length + 4 <= budget ? `

${note}
` : "", drawn, omitted };
    text += `

${note}`;
  }
  return { text: `${text}
`, drawn, omitted };
}
function diagramBlock(group) {
  const heading = `

#### ${group.targets.length > 1 ? `${group.targets.length} backends: ` : ""}${escapeMarkdown(targetsLabel(group.targets))}${group.listener && !(group.targets.length === 1 && group.targets[0] === group.listener) ? ` behind ${escapeMarkdown(group.listener)}` : ""}`;
  const policies = [...new Set(group.findings.map((f) => f.policy))].map((p) => `\`${p}\``).join(", ");
  const flows = group.flows.length;
  const more = flows > MAX_FLOWS_PER_DIAGRAM ? ` (${MAX_FLOWS_PER_DIAGRAM} of ${flows} flows drawn)` : "";
  const chart = renderPathFlowchart(group);
  if (chart.length > MAX_DIAGRAM_CHARS) return void 0;
  const named = group.targets.slice(0, MAX_SHARED_NAMED).map((t) => `\`${escapeMarkdown(t)}\``).join(", ");
  const rest = group.targets.length - MAX_SHARED_NAMED;
  const shared = group.targets.length > MAX_TARGETS_IN_HEADING ? `

Shared by ${named}${rest > 0 ? ` and ${rest} more` : ""}.` : "";
  return `${heading}${shared}

${policies}${more}

\`\`\`mermaid
${chart}
\`\`\``;
}

// src/report/textReport.ts
var LABEL = { error: "ERROR", warning: "WARNING", notice: "NOTICE" };
var COLOR = { error: "31", warning: "33", notice: "36", unknown: "35" };
function renderText(report, options) {
  const paint = (code, text) => options.color ? `\x1B[${code}m${text}\x1B[0m` : text;
  const dim = (text) => paint("2", text);
  const lines = [];
  if (!report.complete) {
    lines.push(paint("1;31", `INCOMPLETE: ${incompleteNote(report)}, and the report is not a clean bill of health.`));
    for (const reason of incompleteReasonLines(report)) lines.push(paint("31", `  - ${reason}`));
    lines.push("");
  }
  const target = report.target.planFile ?? (report.target.regions ? `regions ${report.target.regions.join(", ")}` : "");
  lines.push(`clb-guard ${report.mode} ${target}`.trimEnd());
  lines.push(
    dim(
      `${report.counts.loadBalancers} load balancers, ${report.counts.backends} backends, ${report.counts.securityGroups} security groups, ${report.policies.length} policies`
    ),
    ""
  );
  const groups = new Map(fixGroupsOf(report.findings).map((g) => [g.fix.id, g]));
  const shownFixes = /* @__PURE__ */ new Map();
  for (const finding of report.findings) {
    lines.push(...renderFinding(finding, options, paint, dim, groups, shownFixes), "");
    if (finding.fix && !shownFixes.has(finding.fix.id)) shownFixes.set(finding.fix.id, finding);
  }
  for (const use of report.exceptions) {
    const state = use.expired ? "EXPIRED" : use.suppressed === 0 ? "matched nothing" : "applied";
    lines.push(
      dim(
        `exception ${state}: ${use.policy} on ${use.resource} until ${use.expires} (${use.reason})${use.expired || use.suppressed === 0 ? "" : `, suppressed ${use.suppressed}`}`
      )
    );
  }
  for (const warning of report.warnings) lines.push(dim(`warning: ${warning}`));
  if (report.exceptions.length > 0 || report.warnings.length > 0) lines.push("");
  lines.push(summaryLine(report));
  return `${lines.join("\n")}
`;
}
function renderFinding(f, options, paint, dim, groups, shownFixes) {
  const where = f.location ? `${f.location.file}:${f.location.line}` : "";
  const label = f.status === "unknown" ? `${paint(`1;${COLOR.unknown}`, "UNKNOWN")} ${dim(`(${f.severity} if it fails)`)}` : paint(`1;${COLOR[f.severity]}`, LABEL[f.severity]);
  const out = [`${label} ${paint("1", f.policy)}  ${f.resource}${where ? `  ${dim(where)}` : ""}`, `  ${f.message}`];
  if (options.explain) {
    for (const e of f.evidence) out.push(`  ${dim("why")} ${explainEvidence(e)}`);
  }
  const fixLines = [];
  const advice = f.fix ? f.advice : f.remediation;
  if (advice) fixLines.push(...advice.split("\n"));
  if (f.fix) {
    const group = groups.get(f.fix.id);
    const shared = group !== void 0 && group.findings.length > 1;
    const first = shownFixes.get(f.fix.id);
    if (first !== void 0)
      fixLines.push(
        `the same change as for ${first.policy} on ${first.resource} above${shared ? ` (${fixSummary(group).replace(/^One/, "one")})` : ""}`
      );
    else {
      if (shared) fixLines.push(`${fixSummary(group)}:`);
      fixLines.push(...fixAsText(f.fix).split("\n"));
    }
  }
  if (fixLines.length > 0) {
    const [first, ...rest] = fixLines;
    out.push(`  ${dim("fix")} ${first}`);
    for (const line of rest) out.push(`      ${line}`);
  }
  if (f.consoleUrl) out.push(`  ${dim("console")} ${f.consoleUrl}`);
  return out;
}
function explainEvidence(e) {
  const where = e.list === void 0 ? "" : ` [${e.list}${e.direction ? ` ${e.direction}` : ""}${e.index !== void 0 ? ` #${e.index}` : ""}${e.defaultDeny ? " end of list" : ""}]`;
  const location = e.location ? ` (${e.location.file}:${e.location.line})` : "";
  const part = e.part ? `${e.part}: ` : "";
  const reason = e.reason ? ` \u2014 ${e.reason}` : "";
  return `${e.verdict.toUpperCase()} ${part}${e.rule}${where}${location}${reason}`;
}
function summaryLine(report) {
  const { error, warning, notice, unknown } = report.summary;
  const plural = (n, word) => `${n} ${word}${n === 1 ? "" : "s"}`;
  return `${plural(error, "error")}, ${plural(warning, "warning")}, ${plural(notice, "notice")}, ${unknown} unknown`;
}

// src/report/markdown.ts
var DIAGRAM_SHARE = 0.4;
var ICON = { error: "\u{1F534}", warning: "\u{1F7E0}", notice: "\u{1F535}" };
var UNKNOWN_ICON = "\u2754";
function renderMarkdown(report, options = {}) {
  const limit = options.maxChars ?? 1e6;
  const links = report.mode === "plan" ? options.links : void 0;
  const head = [`## ${options.heading ?? "clb-guard"}`, ""];
  if (!report.complete) {
    head.push("> [!CAUTION]", `> The check is **incomplete**: ${incompleteNote(report)}.`);
    const reasons = incompleteReasonLines(report);
    if (reasons.length > 0) head.push(">", ...reasons.map((reason) => `> - ${escapeMarkdown(reason)}`));
    head.push("");
  }
  const checked = `${report.policies.length} policies on ${report.counts.loadBalancers} load balancers and ${report.counts.backends} backends`;
  if (report.findings.length === 0)
    head.push(
      report.complete ? `\u2705 **All clear**: no findings from ${checked}.` : `**No findings** from ${checked}, but the check is incomplete (above).`,
      ""
    );
  else {
    head.push(
      `**${summaryLine(report)}** \u2014 ${report.policies.length} policies on ${report.counts.loadBalancers} load balancers, ${report.counts.backends} backends.`,
      ""
    );
    head.push("| policy | severity | failing | unknown |", "|---|---|---:|---:|");
    const byPolicy = /* @__PURE__ */ new Map();
    for (const f of report.findings) byPolicy.set(f.policy, [...byPolicy.get(f.policy) ?? [], f]);
    for (const [policy, list] of byPolicy) {
      const failing = list.filter((f) => f.status === "fail").length;
      head.push(`| \`${policy}\` | ${ICON[list[0].severity]} ${list[0].severity} | ${failing} | ${list.length - failing} |`);
    }
    head.push("");
  }
  head.push(...outsidePlanLines(report, links));
  const tail = [];
  const expired = report.exceptions.filter((e) => e.expired);
  const applied = report.exceptions.filter((e) => !e.expired && e.suppressed > 0);
  if (applied.length > 0)
    tail.push(
      "",
      `<sub>${applied.length} exception(s) applied: ${applied.map((e) => `\`${e.policy}\` on \`${e.resource}\` until ${e.expires}`).join("; ")}</sub>`
    );
  if (expired.length > 0) tail.push("", `\u26A0\uFE0F ${expired.length} exception(s) expired and no longer apply.`);
  const groups = new Map(fixGroupsOf(report.findings).map((g) => [g.fix.id, g]));
  const shownFixes = /* @__PURE__ */ new Map();
  let text = head.join("\n");
  if (options.diagrams !== false) text += renderPathSection(report.findings, Math.floor(limit * DIAGRAM_SHARE)).text;
  const closing = tail.join("\n");
  let shown = 0;
  for (const finding of report.findings) {
    const block = renderFinding2(finding, links, groups, shownFixes);
    const reserve = 300 + closing.length;
    if (text.length + block.length + reserve > limit) break;
    text += block;
    if (finding.fix && !shownFixes.has(finding.fix.id)) shownFixes.set(finding.fix.id, finding);
    shown++;
  }
  const left = report.findings.length - shown;
  if (left > 0)
    text += `

\u2026 and **${left} more** ${left === 1 ? "finding" : "findings"} in ${options.overflowHint ?? "the full report"}.`;
  text += closing;
  return `${text.slice(0, limit - 1)}
`;
}
function renderFinding2(f, links, groups, shownFixes) {
  const where = f.location ? ` \u2014 ${locationLink(f.location, links)}` : "";
  const label = f.status === "unknown" ? `${UNKNOWN_ICON} **UNKNOWN** (${f.severity} if it fails)` : `${ICON[f.severity]} **${f.severity.toUpperCase()}**`;
  const lines = [`

### ${label} \`${f.policy}\` on \`${escapeMarkdown(f.resource)}\`${where}`, "", escapeMarkdown(f.message)];
  if (f.evidence.length > 0) {
    lines.push("", "<details><summary>Why</summary>", "");
    for (const e of f.evidence.slice(0, 8)) lines.push(`- ${evidenceLine(e, links)}`);
    lines.push("", "</details>");
  }
  const advice = f.fix ? f.advice : f.remediation;
  if (advice) lines.push("", `**Fix:** ${escapeMarkdown(advice)}`);
  if (f.fix) {
    const group = groups.get(f.fix.id);
    const first = shownFixes.get(f.fix.id);
    if (first !== void 0)
      lines.push(
        "",
        `The same change as for \`${first.policy}\` on \`${escapeMarkdown(first.resource)}\` above${group && group.findings.length > 1 ? ` (${escapeMarkdown(fixSummary(group).replace(/^One/, "one"))})` : ""}.`
      );
    else lines.push("", ...renderFix(f.fix, group && group.findings.length > 1 ? fixSummary(group) : void 0, links));
  }
  return lines.join("\n");
}
function renderFix(fix, summary, links) {
  const lines = [];
  const prose = escapeMarkdown(fix.text).split("\n").join("\n\n").replace(/([\w./-]+\.tf):(\d+)/g, (_m, file, line) => locationLink({ file, line: Number(line) }, links, true));
  lines.push(summary ? `**${escapeMarkdown(summary)}:** ${prose}` : prose);
  if (fix.hcl) lines.push("", "```hcl", fence(fix.hcl), "```");
  if (fix.api)
    lines.push(
      "",
      `With API 3.0, \`${fix.api.service} ${fix.api.action}\`:`,
      "",
      "```json",
      fence(JSON.stringify(fix.api.request, null, 2)),
      "```"
    );
  return lines;
}
function evidenceLine(e, links) {
  const where = e.list ? ` in \`${escapeMarkdown(e.list)}\`${e.index !== void 0 ? ` #${e.index}` : ""}` : "";
  return `**${e.verdict}** ${e.part ? `${escapeMarkdown(e.part)}: ` : ""}\`${escapeMarkdown(e.rule)}\`${where}${e.location ? ` (${locationLink(e.location, links)})` : ""}${e.reason ? ` \u2014 ${escapeMarkdown(e.reason)}` : ""}`;
}
function locationLink(location, links, escaped = false) {
  const file = escaped ? location.file : escapeMarkdown(location.file);
  const label = `\`${file}:${location.line}\``;
  if (links === void 0 || /^(\/|[A-Za-z]:|\.\.)/.test(location.file)) return label;
  const path = location.file.split("\\").join("/").split("/").map(encodeURIComponent).join("/");
  const range = location.endLine !== void 0 && location.endLine > location.line ? `#L${location.line}-L${location.endLine}` : `#L${location.line}`;
  return `[${label}](${links.serverUrl.replace(/\/$/, "")}/${links.repository}/blob/${links.sha}/${path}${range})`;
}

// src/report/sarifReport.ts
var SARIF_RESULT_LIMIT = 25e3;
var LEVEL = { error: "error", warning: "warning", notice: "note" };
var SECURITY_SEVERITY = { error: "8.0", warning: "5.0", notice: "2.0" };
var OMITTED_NOTIFICATION = "omitted-findings";
var INCOMPLETE_NOTIFICATION = "incomplete-check";
var NOTIFICATION_DESCRIPTORS = [
  descriptor(
    OMITTED_NOTIFICATION,
    "OmittedFindings",
    "Findings left out of the SARIF file.",
    "Findings without a location in the repository, or past the result limit, cannot be SARIF results; the notification says how many and why.",
    "warning"
  ),
  descriptor(
    INCOMPLETE_NOTIFICATION,
    "IncompleteCheck",
    "Part of the input could not be checked.",
    "Data that did not arrive (a deferred plan, a part that could not be read, a resource that could not be linked, API calls that kept failing) leaves checks undecided; the notification says which.",
    "error"
  )
];
function descriptor(id, name, short, full, level) {
  return { id, name, shortDescription: { text: short }, fullDescription: { text: full }, defaultConfiguration: { level } };
}
function incompleteNotification(report) {
  const reasons = incompleteReasonLines(report);
  const text = `The check is incomplete: ${incompleteNote(report)}.${reasons.length > 0 ? ` ${reasons.join("; ")}` : ""}`;
  return {
    level: "error",
    message: { text },
    descriptor: { id: INCOMPLETE_NOTIFICATION, index: 1 },
    ...report.incompleteReasons !== void 0 ? { properties: { reasons: report.incompleteReasons } } : {}
  };
}
function describeOmissions(omissions, findings) {
  const parts = [
    omissions.noLocation > 0 ? `${omissions.noLocation} without a location in the repository (live findings, or plan findings whose resources no .tf file under tf-root declares)` : "",
    omissions.notInRepository > 0 ? `${omissions.notInRepository} whose file is not in the repository` : "",
    omissions.overLimit > 0 ? `${omissions.overLimit} over the limit of ${SARIF_RESULT_LIMIT} results` : ""
  ].filter((p) => p !== "");
  const total = omissions.noLocation + omissions.notInRepository + omissions.overLimit;
  return `${total} of ${findings} findings are not in this SARIF file: ${parts.join("; ")}. They are in the JSON report and the job summary.`;
}
function renderSarif(report, options = {}) {
  const exists = options.fileExists ?? (() => true);
  const rules = report.policies.map((p) => ({
    id: p.id,
    name: p.id.replace(/(^|-)([a-z])/g, (_m, _d, c) => c.toUpperCase()),
    shortDescription: { text: p.title },
    fullDescription: { text: p.description },
    help: {
      text: `${p.description}${p.remediation ? `

Fix: ${p.remediation}` : ""}`,
      markdown: `${p.description}${p.remediation ? `

**Fix:** ${p.remediation}` : ""}${p.docs ? `

[Documentation](${p.docs})` : ""}`
    },
    ...p.docs ? { helpUri: p.docs } : {},
    defaultConfiguration: { level: LEVEL[p.severity] },
    properties: { tags: ["security", "tencentcloud", "clb"], "security-severity": SECURITY_SEVERITY[p.severity], precision: "high" }
  }));
  const ruleIndex = new Map(rules.map((r, i) => [r.id, i]));
  const withLocation = report.findings.filter((f) => f.location !== null && ruleIndex.has(f.policy));
  const located = withLocation.filter((f) => exists(f.location.file));
  const kept = located.slice(0, SARIF_RESULT_LIMIT);
  const results = kept.map((f) => result(f, ruleIndex.get(f.policy), exists));
  const omissions = {
    noLocation: report.findings.length - withLocation.length,
    notInRepository: withLocation.length - located.length,
    overLimit: located.length - kept.length
  };
  const omitted = report.findings.length - kept.length;
  const notifications = [];
  if (!report.complete) notifications.push(incompleteNotification(report));
  if (omitted > 0)
    notifications.push({
      level: "warning",
      message: { text: describeOmissions(omissions, report.findings.length) },
      descriptor: { id: OMITTED_NOTIFICATION, index: 0 },
      properties: { ...omissions }
    });
  return {
    omitted,
    omissions,
    sarif: {
      $schema: "https://json.schemastore.org/sarif-2.1.0.json",
      version: "2.1.0",
      runs: [
        {
          tool: {
            driver: {
              name: "clb-guard",
              version: report.tool.version,
              semanticVersion: report.tool.version,
              informationUri: "https://github.com/clb-guard/clb-guard",
              rules,
              notifications: NOTIFICATION_DESCRIPTORS
            }
          },
          originalUriBaseIds: { "%SRCROOT%": { uri: `file://${(options.repoRoot ?? "").replace(/\/?$/, "/")}` } },
          invocations: [
            { executionSuccessful: report.complete, ...notifications.length > 0 ? { toolExecutionNotifications: notifications } : {} }
          ],
          results,
          properties: { findings: report.findings.length, omittedFindings: { total: omitted, ...omissions } }
        }
      ]
    }
  };
}
function result(f, ruleIndex, exists) {
  const location = f.location;
  const related = f.evidence.filter((e) => e.location && exists(e.location.file)).slice(0, 10).map((e, i) => ({ id: i + 1, message: { text: `${e.verdict}: ${e.rule}` }, physicalLocation: physical(e.location) }));
  return {
    ruleId: f.policy,
    ruleIndex,
    level: LEVEL[f.severity],
    message: { text: f.status === "unknown" ? `[unknown] ${f.message}` : f.message },
    locations: [{ physicalLocation: physical(location), logicalLocations: [{ fullyQualifiedName: f.resource, kind: "resource" }] }],
    ...related.length > 0 ? { relatedLocations: related } : {},
    partialFingerprints: { "clbGuard/v1": f.fingerprint },
    properties: { status: f.status, resource: f.resource, related: f.related, ...f.remediation ? { remediation: f.remediation } : {} }
  };
}
function physical(location) {
  return {
    artifactLocation: { uri: location.file.split("\\").join("/"), uriBaseId: "%SRCROOT%" },
    region: {
      startLine: location.line,
      ...location.endLine !== void 0 && location.endLine >= location.line ? { endLine: location.endLine } : {}
    }
  };
}

// src/report/renderReport.ts
function renderReport(report, format, options) {
  switch (format) {
    case "text":
      return renderText(report, { color: options.color, explain: options.explain });
    case "json":
      return renderJson(report);
    case "sarif":
      return `${JSON.stringify(renderSarif(report, { repoRoot: options.repoRoot, fileExists: options.fileExists }).sarif, null, 2)}
`;
    case "markdown":
      return renderMarkdown(report, options.links ? { links: options.links } : {});
  }
}
function renderReportChunks(report, format, options) {
  return format === "json" ? jsonReportChunks(report) : [renderReport(report, format, options)];
}

// src/report/utf8Batches.ts
var BATCH_BYTES = 1 << 20;
function* utf8Batches(pieces, batchBytes = BATCH_BYTES) {
  let batch = Buffer.allocUnsafe(batchBytes);
  let used = 0;
  for (const piece of pieces) {
    const most = piece.length * 3;
    if (used + most > batch.length && used > 0) {
      yield batch.subarray(0, used);
      batch = Buffer.allocUnsafe(batchBytes);
      used = 0;
    }
    if (most > batch.length) yield Buffer.from(piece, "utf8");
    else used += batch.write(piece, used, "utf8");
  }
  if (used > 0) yield batch.subarray(0, used);
}

// src/cli/cliArguments.ts
import { parseArgs } from "node:util";

// src/check/modeSettings.ts
var ALL = ["plan", "live", "merge"];
var CHECKS = ["plan", "live"];
var MODE_SETTINGS = [
  { input: "mode", fallback: "plan", modes: ALL },
  { input: "plan-file", modes: ["plan"] },
  { input: "tf-root", option: "tf-root", modes: ["plan"] },
  { input: "config", option: "config", modes: ALL },
  // A merge runs no policy: it combines the shards' findings.
  { input: "policies", option: "policies", modes: CHECKS },
  { input: "regions", option: "region", modes: CHECKS, resolveLiveOnly: true },
  { input: "fail-on", option: "fail-on", fallback: "error", modes: ALL },
  { input: "annotations", fallback: "true", modes: CHECKS },
  { input: "comment", fallback: "auto", modes: CHECKS },
  // Suggestions are edits of .tf lines: only a plan's findings have them.
  { input: "suggestions", fallback: "auto", modes: ["plan"] },
  { input: "sarif-file", modes: ALL },
  { input: "drift-issue", fallback: "auto", modes: ["live", "merge"] },
  { input: "github-token", fallback: "${{ github.token }}", modes: ALL },
  // The Action's role-arn is OIDC's role (with oidc-provider-id)…
  { input: "role-arn", modes: CHECKS, resolveLiveOnly: true },
  // …the CLI's --role-arn is assumed with the keys found (STS AssumeRole), in live mode.
  { option: "role-arn", modes: ["live"] },
  { input: "oidc-provider-id", modes: CHECKS, resolveLiveOnly: true },
  { input: "oidc-audience", modes: CHECKS, resolveLiveOnly: true },
  { input: "api-endpoint", option: "api-endpoint", modes: CHECKS, resolveLiveOnly: true },
  { input: "profile", option: "profile", modes: ["live"] },
  // Pacing of the API calls: live mode's, and a plan's live resolution's (CLI only).
  { option: "rate-limit", modes: CHECKS, resolveLiveOnly: true },
  { option: "budget-per-region", modes: CHECKS, resolveLiveOnly: true },
  { input: "account", option: "account", modes: ["live"] },
  { input: "save-snapshot", option: "save-snapshot", modes: ["live"] },
  { input: "reports", modes: ["merge"] },
  { input: "resolve-live", option: "resolve-live", fallback: "false", modes: ["plan"] },
  { input: "fail-on-preexisting", option: "fail-on-preexisting", fallback: "false", modes: ["plan"], resolveLiveOnly: true },
  { input: "allow-partial", option: "allow-partial", fallback: "false", modes: ALL }
];
var PLAN_RESOLVE_LIVE_OPTIONS = MODE_SETTINGS.filter(
  (s) => s.option !== void 0 && s.resolveLiveOnly === true && s.modes.includes("plan")
).map((s) => s.option);

// schema/config.schema.json
var config_schema_default = {
  $schema: "https://json-schema.org/draft/2020-12/schema",
  $id: "https://github.com/clb-guard/clb-guard/schema/config.schema.json",
  title: "clb-guard configuration (.clb-guard.json)",
  type: "object",
  additionalProperties: false,
  properties: {
    $schema: {
      type: "string"
    },
    include: {
      description: "Policy files or directories to load besides the built-in pack, relative to this file.",
      type: "array",
      maxItems: 100,
      items: {
        type: "string",
        minLength: 1,
        maxLength: 500
      }
    },
    policies: {
      description: 'Per-policy settings: "off", a severity, or { severity, params }.',
      type: "object",
      maxProperties: 500,
      propertyNames: {
        pattern: "^[a-z0-9][a-z0-9-]{1,63}$"
      },
      additionalProperties: {
        if: {
          type: "string"
        },
        then: {
          enum: [
            "off",
            "error",
            "warning",
            "notice"
          ]
        },
        else: {
          type: "object",
          additionalProperties: false,
          minProperties: 1,
          properties: {
            severity: {
              enum: [
                "off",
                "error",
                "warning",
                "notice"
              ]
            },
            params: {
              $ref: "policy.schema.json#/$defs/params"
            }
          }
        }
      }
    },
    params: {
      description: "Parameters for every policy: clientCidrs, adminCidrs, ephemeralPorts, healthCheckRangeAllowlisted, defaultHealthCheckSource.",
      $ref: "policy.schema.json#/$defs/params"
    },
    accounts: {
      description: "Accounts to scan as shards on a GitHub Actions matrix (clb-guard shards): one job per account and region.",
      type: "array",
      minItems: 1,
      maxItems: 256,
      items: {
        type: "object",
        required: [
          "name",
          "regions"
        ],
        additionalProperties: false,
        properties: {
          name: {
            type: "string",
            pattern: "^[A-Za-z0-9][A-Za-z0-9_.-]{0,62}$",
            description: "Names the account in artifacts (clb-guard-<name>-<region>), reports and the drift issue."
          },
          roleArn: {
            type: "string",
            pattern: "^qcs::cam::uin/\\d+:(roleName/[A-Za-z0-9_+=,.@-]{1,128}|role/\\d+)$",
            description: "The CAM role the shard assumes with OIDC (Action input role-arn)."
          },
          oidcProviderId: {
            type: "string",
            minLength: 1,
            maxLength: 128,
            description: "The CAM identity provider for GitHub's OIDC tokens (Action input oidc-provider-id)."
          },
          regions: {
            type: "array",
            minItems: 1,
            maxItems: 64,
            items: {
              type: "string",
              pattern: "^[a-z]{2,}(-[a-z0-9]+)+$"
            }
          }
        }
      }
    },
    exceptions: {
      type: "array",
      maxItems: 1e3,
      items: {
        type: "object",
        required: [
          "policy",
          "resource",
          "reason",
          "expires"
        ],
        additionalProperties: false,
        properties: {
          policy: {
            type: "string",
            pattern: "^[a-z0-9][a-z0-9-]{1,63}$"
          },
          resource: {
            type: "string",
            minLength: 1,
            maxLength: 300,
            description: "Terraform address or cloud ID; * and ? are wildcards."
          },
          reason: {
            type: "string",
            minLength: 3,
            maxLength: 1e3
          },
          expires: {
            type: "string",
            pattern: "^\\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\\d|3[01])$",
            description: "YYYY-MM-DD; the exception stops applying after that day."
          }
        }
      }
    }
  }
};

// src/check/roleArn.ts
var ROLE_ARN = new RegExp(config_schema_default.properties.accounts.items.properties.roleArn.pattern);
function checkedRoleArn(value, setting) {
  if (!ROLE_ARN.test(value))
    throw new InputError(`${setting} must be a CAM role ARN, qcs::cam::uin/UIN:roleName/NAME (or :role/ROLE_ID), not "${value}"`);
  return value;
}

// src/model/severity.ts
var SEVERITIES = ["error", "warning", "notice"];
var FAIL_ON_LEVELS = [...SEVERITIES, "never"];

// src/report/formats.ts
var REPORT_FORMATS = ["text", "json", "sarif", "markdown"];
function isReportFormat(value) {
  return REPORT_FORMATS.includes(value);
}

// src/cli/cliArguments.ts
var OPTIONS = {
  "tf-root": {
    type: "string",
    value: "DIR",
    help: "folder of the root module's .tf files (default: the plan file's folder when it holds .tf files, else found in the repository)"
  },
  region: {
    type: "string",
    multiple: true,
    value: "REGION",
    help: "region to scan (repeatable, or comma-separated); all: every region the account has"
  },
  profile: {
    type: "string",
    value: "NAME",
    help: "use the profile [NAME] of the credentials file (TENCENTCLOUD_CREDENTIALS_FILE, else ~/.tencentcloud/credentials)"
  },
  "role-arn": {
    type: "string",
    value: "ARN",
    help: "assume this CAM role (STS AssumeRole) with the credentials given, and scan as the role"
  },
  "rate-limit": {
    type: "string",
    multiple: true,
    value: "ACTION=N",
    help: "allow N requests per second of ACTION (repeatable; default: the published limits, 20 for unpublished ones)"
  },
  "budget-per-region": {
    type: "boolean",
    help: "give each region its own rate-limit budget (default: one per account, shared by the regions)"
  },
  "api-endpoint": { type: "string", value: "URL", help: "send every API call to URL (emulators, proxies); http only for loopback" },
  "allow-partial": { type: "boolean", help: "exit by the findings even if some API calls kept failing" },
  "explain-only": {
    type: "string",
    value: "ID",
    help: "report only what concerns ID (a resource or a finding fingerprint), with its paths, as `explain` does"
  },
  snapshot: { type: "string", value: "FILE", help: "check a snapshot offline (no credentials, no network); --region optional" },
  "save-snapshot": { type: "string", value: "FILE", help: "also write what the scan read to FILE (a snapshot)" },
  account: { type: "string", value: "NAME", help: "the account's name, for the report (and merged reports)" },
  shard: { type: "string", value: "N", help: "scan the config's shard N (from 0, as clb-guard shards lists them): its account and region" },
  index: { type: "string", value: "N", help: "print only shard N (from 0), e.g. $JOB_COMPLETION_INDEX in a Kubernetes Indexed Job" },
  "resolve-live": {
    type: "boolean",
    help: "read what the plan names by ID (and the live backends its changes reach) from the account; live mode's credentials"
  },
  "fail-on-preexisting": { type: "boolean", help: "with --resolve-live: let failures live backends already have fail the run too" },
  config: { type: "string", value: "FILE", help: "config file (default: the nearest .clb-guard.json up to the repository root)" },
  policies: { type: "string", multiple: true, value: "PATH", help: "extra policy file or directory (repeatable)" },
  format: { type: "string", value: "FORMAT", help: `${REPORT_FORMATS.join(", ")} (default: text)` },
  output: {
    type: "string",
    value: "FILE",
    help: "write the report to FILE instead of stdout (its folder must exist); FILE is replaced only by a whole report"
  },
  "fail-on": { type: "string", value: "LEVEL", help: "exit 1 on findings at or above LEVEL: error (default), warning, notice or never" },
  explain: { type: "boolean", help: "show the rules that decided each finding (text format)" },
  today: { type: "string", value: "DATE", help: "date for exception expiry, YYYY-MM-DD (default: today, UTC)" },
  verbose: { type: "boolean", help: "more logging on stderr" },
  help: { type: "boolean", short: "h", help: "this help" },
  version: { type: "boolean", help: "print the version" }
};
var COMMON = ["config", "policies", "format", "output", "fail-on", "explain", "today", "verbose", "help"];
var COMMAND_OPTIONS = {
  overview: ["help", "version"],
  plan: [
    "tf-root",
    "resolve-live",
    "region",
    "api-endpoint",
    "rate-limit",
    "budget-per-region",
    "allow-partial",
    "fail-on-preexisting",
    ...COMMON
  ],
  live: [
    "region",
    "profile",
    "role-arn",
    "api-endpoint",
    "rate-limit",
    "budget-per-region",
    "allow-partial",
    "explain-only",
    "snapshot",
    "save-snapshot",
    "account",
    "shard",
    ...COMMON
  ],
  explain: ["tf-root", "config", "policies", "format", "output", "fail-on", "today", "verbose", "help"],
  "policies validate": ["help"],
  "policies list": ["config", "policies", "format", "verbose", "help"],
  shards: ["config", "index", "verbose", "help"],
  merge: ["config", "format", "output", "fail-on", "allow-partial", "explain", "verbose", "help"]
};
var SYNOPSIS = {
  overview: `Usage:
  clb-guard plan PLAN.json|- [--tf-root DIR] [options]        check a \`terraform show -json\` plan (- reads it from stdin)
  clb-guard live --region REGION [--region \u2026] [options]       check the live Tencent Cloud account
  clb-guard live --snapshot FILE [options]                    check a snapshot of an account offline
  clb-guard explain PLAN.json RESOURCE|FINGERPRINT [options]  the path of one backend, listener, CLB, group or ACL, or one finding
  clb-guard policies validate [FILE|DIR \u2026]                    validate policy files (and the built-in pack)
  clb-guard policies list [--config FILE] [--policies PATH]   the policies a run would use, with severity and source
  clb-guard shards [--config FILE] [--index N]                the GitHub Actions matrix of the config's accounts \xD7 regions
  clb-guard merge REPORT.json \u2026 [options]                     merge the JSON reports of shards into one report

Run \`clb-guard COMMAND --help\` for the options of a command.`,
  plan: `Usage: clb-guard plan PLAN.json|- [options]

Checks the output of \`terraform show -json PLANFILE\`; \`-\` reads it from stdin:
  terraform show -json tfplan | clb-guard plan -
With --resolve-live, what the plan names by ID and does not manage (groups, subnets, ACLs, CLBs\u2026)
is read from the account, and the live backends its changes reach are checked too; credentials as
for live mode without --profile and --role-arn (TENCENTCLOUD_SECRET_ID / TENCENTCLOUD_SECRET_KEY, else
the [default] profile); the region from --region, else the plan's tencentcloud provider block.`,
  live: `Usage: clb-guard live --region REGION [--region \u2026] [options]

Checks the live Tencent Cloud account. Credentials: --profile NAME; else TENCENTCLOUD_SECRET_ID /
TENCENTCLOUD_SECRET_KEY (a token in TENCENTCLOUD_SESSION_TOKEN, _SECURITY_TOKEN or _TOKEN); else the
[default] profile of TENCENTCLOUD_CREDENTIALS_FILE (default ~/.tencentcloud/credentials).
--role-arn assumes a role with them.
  clb-guard live --region ap-guangzhou --save-snapshot snap.json   scan, and keep what was read
  clb-guard live --snapshot snap.json                              check it again offline`,
  explain: `Usage: clb-guard explain PLAN.json|- RESOURCE|FINGERPRINT [options]

Checks the plan and prints what concerns one resource (a backend instance, listener, CLB, security
group or ACL, by Terraform address or cloud ID) or one finding (by fingerprint): each failing flow
layer by layer, the rule that decided with its .tf line, and the fix. --format markdown draws the
paths as Mermaid diagrams; --format json is the report cut down to these findings.`,
  policies: `Usage:
  clb-guard policies validate [FILE|DIR \u2026]
  clb-guard policies list [--config FILE] [--policies PATH] [--format text|json]`,
  shards: `Usage: clb-guard shards [--config FILE] [--index N]

Prints the GitHub Actions matrix of the config's accounts: {"include":[{"account","role","region",
"oidcProviderId"}]}, one job per account and region, for strategy.matrix: \${{ fromJSON(\u2026) }}.`,
  merge: `Usage: clb-guard merge REPORT.json \u2026 [options]

Merges the JSON reports of shards (one per account and region) into one report, with a section per
account and region. With --config, every account and region of its "accounts" must have a report:
a missing or incomplete one makes its section incomplete, and the merge exits 2 unless --allow-partial.`,
  "policies validate": `Usage: clb-guard policies validate [FILE|DIR \u2026]

Validates policy files (and the built-in pack against them): every problem on its own located line.`,
  "policies list": `Usage: clb-guard policies list [options]

Prints the policies a run would use \u2014 the built-in pack, the config's includes and --policies \u2014 with
their effective severity (after the config's overrides) and the file each comes from.`
};
var COMMAND_HELP = {
  plan: {
    region: "with --resolve-live: region to read from (repeatable, or comma-separated; an ID not found in one is looked for in the next); default: the plan's tencentcloud provider region",
    "api-endpoint": "with --resolve-live: send every API call to URL (emulators, proxies); http only for loopback",
    "allow-partial": "exit by the findings even if the plan check is incomplete (deferred changes, resources that cannot be linked) or, with --resolve-live, some API calls kept failing"
  },
  merge: {
    "allow-partial": "exit by the findings even if a shard of the config's accounts has no report or an incomplete one"
  },
  explain: { format: "text, markdown (the paths as Mermaid diagrams) or json (default: text)" },
  "policies list": { format: "text or json (default: text)" }
};
var EXIT_CODES = "Exit codes: 0 clean, 1 findings at or above --fail-on, 2 usage, input or configuration error.";
function usage(topic = "overview") {
  const names = topic === "policies" ? [] : COMMAND_OPTIONS[topic];
  const rows = names.map((name) => {
    const spec = OPTIONS[name];
    const flag = `${spec.short ? `-${spec.short}, ` : ""}--${name}${spec.value ? ` ${spec.value}` : ""}`;
    const help = COMMAND_HELP[topic]?.[name] ?? spec.help;
    return `  ${flag.padEnd(22)} ${help}`;
  });
  const options = rows.length > 0 ? `

Options:
${rows.join("\n")}` : "";
  const exits = topic === "plan" || topic === "live" || topic === "explain" || topic === "merge" || topic === "overview" ? `

${EXIT_CODES}` : "";
  return `${SYNOPSIS[topic]}${options}${exits}`;
}
var USAGE = usage("overview");
var COMMANDS = ["plan", "live", "explain", "policies", "shards", "merge", "help"];
var POLICIES_COMMANDS = ["validate", "list"];
function commandOf(positionals) {
  const [first, second] = positionals;
  if (first === "plan" || first === "live" || first === "explain" || first === "shards" || first === "merge") return first;
  if (first === "policies") return second === "validate" ? "policies validate" : second === "list" ? "policies list" : "policies";
  return void 0;
}
function parseCommand(argv) {
  const { values, positionals, tokens } = parseArgs({
    args: [...argv],
    allowPositionals: true,
    strict: false,
    tokens: true,
    options: Object.fromEntries(
      Object.entries(OPTIONS).map(([name, spec]) => [
        name,
        { type: spec.type, ..."multiple" in spec ? { multiple: spec.multiple } : {}, ..."short" in spec ? { short: spec.short } : {} }
      ])
    )
  });
  const topic = commandOf(positionals);
  const allowed = topic === void 0 || topic === "policies" ? [...COMMAND_OPTIONS.overview] : COMMAND_OPTIONS[topic];
  const where = topic === void 0 ? "" : ` for "${topic}"`;
  const helpHint = topic === void 0 || topic === "overview" ? "clb-guard --help" : `clb-guard ${topic} --help`;
  for (const token of tokens) {
    if (token.kind !== "option") continue;
    const name = token.name;
    const spec = OPTIONS[name];
    if (spec === void 0) {
      const meant = closestMatch(name, allowed) ?? (topic === void 0 ? closestMatch(name, Object.keys(OPTIONS)) : void 0);
      throw new InputError(`unknown option ${token.rawName}${where}${meant ? `; did you mean --${meant}?` : ""} (see ${helpHint})`);
    }
    if (name === "help" || name === "version") continue;
    if (!allowed.includes(name)) {
      const owners = ["plan", "live", "explain", "policies list", "shards", "merge"].filter(
        (c) => COMMAND_OPTIONS[c].includes(name)
      );
      const belongs = owners.length > 0 ? `; it belongs to ${owners.map((c) => `"${c}"`).join(" and ")}` : "";
      throw new InputError(
        `${token.rawName} is not an option${topic === void 0 ? " without a command" : where}${belongs} (see ${helpHint})`
      );
    }
    if (spec.type === "string" && token.value === void 0)
      throw new InputError(`${token.rawName} needs a value${spec.value ? `: ${token.rawName} ${spec.value}` : ""}`);
    if (spec.type === "boolean" && token.inlineValue) throw new InputError(`${token.rawName} takes no value (got "${token.value}")`);
  }
  const str = (name) => {
    const value = values[name];
    return typeof value === "string" ? value : void 0;
  };
  const strs = (name) => {
    const value = values[name];
    return Array.isArray(value) ? value.filter((v) => typeof v === "string") : [];
  };
  const bool = (name) => values[name] === true;
  if (bool("version") && !bool("help")) return { kind: "version" };
  if (positionals[0] === "help") {
    const about = commandOf(positionals.slice(1));
    if (positionals.length > 1 && about === void 0)
      throw new InputError(
        `no help on "${positionals.slice(1).join(" ")}": the commands are plan, live, explain, policies validate, policies list, shards and merge`
      );
    return { kind: "help", topic: about ?? "overview" };
  }
  if (bool("help") || positionals.length === 0) return { kind: "help", topic: topic ?? "overview" };
  const [command, ...rest] = positionals;
  if (topic === void 0) {
    const meant = closestMatch(command, COMMANDS);
    throw new InputError(`unknown command "${command}"${meant ? `; did you mean "${meant}"?` : ""} (see clb-guard --help)`);
  }
  if (topic === "policies") {
    const sub = rest[0];
    const meant = sub === void 0 ? void 0 : closestMatch(sub, POLICIES_COMMANDS);
    throw new InputError(
      sub === void 0 ? "policies needs a command: clb-guard policies validate FILES, or clb-guard policies list" : `unknown policies command "${sub}"${meant ? `; did you mean "policies ${meant}"?` : ""} (the commands are policies validate and policies list)`
    );
  }
  const format = str("format") ?? "text";
  if (topic === "policies list") {
    if (rest.length > 1) throw new InputError(`policies list takes no files (got "${rest[1]}"); use --policies PATH`);
    if (format !== "text" && format !== "json") throw new InputError(`--format of "policies list" must be text or json, not "${format}"`);
    const config2 = str("config");
    return { kind: "list", ...config2 !== void 0 ? { config: config2 } : {}, policies: strs("policies"), format, verbose: bool("verbose") };
  }
  if (topic === "policies validate") return { kind: "validate", files: rest.slice(1) };
  if (topic === "shards") {
    if (rest.length > 0) throw new InputError(`shards takes no files (got "${rest[0]}"); use --config FILE`);
    const config2 = str("config");
    const index = shardNumber("--index", str("index"));
    return {
      kind: "shards",
      ...config2 !== void 0 ? { config: config2 } : {},
      ...index !== void 0 ? { index } : {},
      verbose: bool("verbose")
    };
  }
  if (!isReportFormat(format)) throw new InputError(`--format must be one of ${REPORT_FORMATS.join(", ")}, not "${format}"`);
  const failOn = str("fail-on") ?? "error";
  if (!FAIL_ON_LEVELS.includes(failOn))
    throw new InputError(`--fail-on must be one of ${FAIL_ON_LEVELS.join(", ")}, not "${failOn}"`);
  const today = str("today");
  if (today !== void 0 && !isCalendarDate(today)) throw new InputError(`--today must be a calendar day, YYYY-MM-DD, not "${today}"`);
  const config = str("config");
  const output = str("output");
  const common = {
    ...config !== void 0 ? { config } : {},
    policies: strs("policies"),
    format,
    ...output !== void 0 ? { output } : {},
    failOn,
    explain: bool("explain"),
    verbose: bool("verbose"),
    ...today !== void 0 ? { today } : {}
  };
  if (topic === "merge") {
    if (rest.length === 0) throw new InputError("merge needs the JSON reports of the shards: clb-guard merge reports/*.json");
    return { kind: "merge", reports: rest, allowPartial: bool("allow-partial"), common };
  }
  if (topic === "plan") {
    if (rest.length !== 1) throw new InputError("plan takes exactly one plan file: clb-guard plan PLAN.json (or - for stdin)");
    const tfRoot = str("tf-root");
    const hybridOnly = PLAN_RESOLVE_LIVE_OPTIONS.find((name) => values[name] !== void 0);
    if (!bool("resolve-live") && hybridOnly !== void 0)
      throw new InputError(`--${hybridOnly} of "plan" needs --resolve-live (it is about reading the account)`);
    const endpoint = str("api-endpoint");
    const hybridRateLimits = parseRateLimits(strs("rate-limit"));
    const hybrid = bool("resolve-live") ? {
      regions: regionsOf(strs("region")),
      ...endpoint !== void 0 ? { apiEndpoint: endpoint } : {},
      failOnPreexisting: bool("fail-on-preexisting"),
      ...hybridRateLimits !== void 0 ? { rateLimits: hybridRateLimits } : {},
      ...bool("budget-per-region") ? { budgetPerRegion: true } : {}
    } : void 0;
    return {
      kind: "plan",
      planFile: rest[0],
      ...tfRoot !== void 0 ? { tfRoot } : {},
      ...hybrid ? { hybrid } : {},
      ...bool("allow-partial") ? { allowPartial: true } : {},
      common
    };
  }
  if (topic === "explain") {
    if (rest.length !== 2)
      throw new InputError("explain takes a plan file and what to explain: clb-guard explain PLAN.json RESOURCE|FINGERPRINT");
    if (format !== "text" && format !== "markdown" && format !== "json")
      throw new InputError(`--format of "explain" must be text, markdown or json, not "${format}"`);
    const tfRoot = str("tf-root");
    return { kind: "explain", planFile: rest[0], id: rest[1], ...tfRoot !== void 0 ? { tfRoot } : {}, common };
  }
  if (rest.length > 0) throw new InputError(`live takes no positional arguments (got "${rest[0]}"); use --region`);
  const regions = regionsOf(strs("region"));
  const apiEndpoint = str("api-endpoint");
  const profile = str("profile");
  const roleArn = str("role-arn");
  if (roleArn !== void 0) checkedRoleArn(roleArn, "--role-arn");
  const rateLimits = parseRateLimits(strs("rate-limit"));
  const live = {
    ...profile !== void 0 ? { profile } : {},
    ...roleArn !== void 0 ? { roleArn } : {},
    ...rateLimits !== void 0 ? { rateLimits } : {},
    ...bool("budget-per-region") ? { budgetPerRegion: true } : {}
  };
  const explainOnly = str("explain-only");
  if (explainOnly !== void 0 && format === "sarif") throw new InputError("--explain-only reports as text, markdown or json, not sarif");
  const snapshot = snapshotArguments(
    str("snapshot"),
    str("save-snapshot"),
    str("account"),
    apiEndpoint,
    shardNumber("--shard", str("shard"))
  );
  if (snapshot?.shard !== void 0 && (regions.length > 0 || snapshot.account !== void 0 || snapshot.from !== void 0))
    throw new InputError("--shard N takes the account and region from the config: leave out --region, --account and --snapshot");
  if (regions.length === 0 && snapshot?.from === void 0 && snapshot?.shard === void 0)
    throw new InputError("live needs at least one --region, e.g. --region ap-guangzhou (or --snapshot FILE)");
  return {
    kind: "live",
    regions,
    ...apiEndpoint !== void 0 ? { apiEndpoint } : {},
    allowPartial: bool("allow-partial"),
    ...explainOnly !== void 0 ? { explainOnly } : {},
    live,
    common,
    ...snapshot ? { snapshot } : {}
  };
}
function parseRateLimits(values) {
  if (values.length === 0) return void 0;
  const limits = {};
  for (const value of values.flatMap((v) => v.split(","))) {
    const match = /^\s*([A-Z][A-Za-z]+)\s*=\s*(\d+(?:\.\d+)?)\s*$/.exec(value);
    const rate = match ? Number(match[2]) : NaN;
    if (!match || !(rate > 0) || rate > 1e4)
      throw new InputError(
        `--rate-limit takes ACTION=N with N requests per second (0 < N <= 10000), e.g. DescribeSubnets=50; not "${value}"`
      );
    limits[match[1]] = rate;
  }
  return limits;
}
function shardNumber(option, value) {
  if (value === void 0) return void 0;
  if (!/^\d{1,4}$/.test(value)) throw new InputError(`${option} must be a shard number (0, 1, 2\u2026), not "${value}"`);
  return Number(value);
}
function snapshotArguments(from, save, account, apiEndpoint, shard) {
  if (from !== void 0 && save !== void 0)
    throw new InputError("--snapshot reads a snapshot and --save-snapshot writes one: give one of them");
  if (from !== void 0 && apiEndpoint !== void 0)
    throw new InputError("--snapshot is checked offline: --api-endpoint has nothing to do");
  if (account !== void 0 && !ACCOUNT_NAME.test(account))
    throw new InputError(`--account must be a name of letters, digits, ".", "_" and "-" (at most 63), not "${account}"`);
  if (from === void 0 && save === void 0 && account === void 0 && shard === void 0) return void 0;
  return {
    ...from !== void 0 ? { from } : {},
    ...save !== void 0 ? { save } : {},
    ...account !== void 0 ? { account } : {},
    ...shard !== void 0 ? { shard } : {}
  };
}
function regionsOf(values) {
  return values.flatMap((r) => r.split(",")).map((r) => r.trim()).filter((r) => r !== "");
}

// src/report/pathDiagram/pathText.ts
var OUTCOME = { allow: "ALLOW", deny: "DENY", unknown: "UNKNOWN", next: "NEXT", skipped: "SKIPPED" };
var KIND = {
  loadBalancerGroup: "CLB group",
  securityGroup: "backend group",
  networkAclIn: "ACL inbound",
  networkAclOut: "ACL reply"
};
function renderPathsText(groups, paint = (_c, t) => t) {
  const lines = [];
  groups.forEach((group, g) => {
    const behind = group.listener && !(group.targets.length === 1 && group.targets[0] === group.listener) ? ` behind ${group.listener}` : "";
    lines.push(paint("1", `path ${g + 1}: ${targetsLabel(group.targets)}${behind}`));
    for (const flow of group.flows) lines.push(...flowLines(flow, paint));
    lines.push("");
  });
  return lines;
}
function flowLines(flow, paint) {
  const lines = [`  flow ${flow.source} \u2192 ${flow.destination}`];
  let step = 0;
  const layer = (l) => {
    step++;
    const name = l.name && l.name !== l.resource ? `${l.name} (${l.resource})` : l.resource;
    const color = l.outcome === "deny" ? "31" : l.outcome === "allow" || l.outcome === "next" ? "32" : l.outcome === "unknown" ? "35" : "2";
    lines.push(`    ${step}. ${KIND[l.kind].padEnd(13)} ${paint(`1;${color}`, OUTCOME[l.outcome].padEnd(7))} ${name}`);
    for (const rule of l.rules) {
      const where = rule.location ? `  ${rule.location.file}:${rule.location.line}` : "";
      lines.push(
        `         ${rule.verdict === "deny" ? "refused by" : rule.verdict === "allow" ? "admitted by" : "undecided:"} ${ruleLabel(rule)}${rule.part === void 0 ? "" : ` (for ${rule.part})`}${where}`
      );
    }
    if (l.outcome === "next") lines.push("         no rule matched: on to the next group");
    if (l.note !== void 0 && (l.outcome === "skipped" || l.outcome === "unknown" || l.rules.length === 0))
      lines.push(`         ${l.note}`);
  };
  for (const l of flow.layers.filter((x) => x.kind !== "networkAclOut")) layer(l);
  lines.push(`    \u2192 ${flow.destination} on the target`);
  for (const l of flow.layers.filter((x) => x.kind === "networkAclOut")) layer(l);
  return lines;
}

// src/cli/explainCommand.ts
function explainReport(report, inventory, given, source) {
  const id = inventory?.aliases.get(given) ?? given;
  const findings = report.findings.filter((f) => concerns(f, id));
  if (findings.length === 0 && !knownNames(inventory, report).has(id)) {
    const meant = closestMatch(given, knownNames(inventory, report));
    const sensitive = sensitiveTextOf(inventory);
    throw new InputError(sensitive.redact(`${source} has no resource or finding "${given}"${meant ? `; did you mean ${meant}?` : ""}`));
  }
  return { ...report, findings, summary: summaryOf(findings) };
}
function renderExplained(report, id, format, color) {
  if (format === "json") return renderJson(report);
  if (format === "markdown") return renderMarkdown(report, { heading: `clb-guard explain ${id}` });
  const paint = (code, text) => color ? `\x1B[${code}m${text}\x1B[0m` : text;
  if (report.findings.length === 0)
    return `${id}: no finding \u2014 every flow the policies check passes (${report.policies.length} policies).
`;
  const paths = renderPathsText(pathGroupsOf(report.findings), paint);
  const head = [paint("1", `explain ${id}: ${report.findings.length} ${report.findings.length === 1 ? "finding" : "findings"}`), ""];
  const noPath = paths.length === 0 ? ["no failing flow to draw: the findings below are about rules, not paths", ""] : [];
  return `${[...head, ...paths, ...noPath].join("\n")}${renderText({ ...report, warnings: [] }, { color, explain: true })}`;
}
function concerns(f, id) {
  if (f.fingerprint === id || id.length >= 8 && /^[0-9a-f]+$/.test(id) && f.fingerprint.startsWith(id)) return true;
  if (f.resource === id || f.related.includes(id) || f.related.includes(`${id}/eth0`)) return true;
  return (f.paths ?? []).some(
    (p) => p.target === id || p.listener === id || p.loadBalancer === id || p.layers.some((l) => l.resource === id)
  );
}
function knownNames(inventory, report) {
  const names = new Set(report.findings.flatMap((f) => [f.fingerprint, f.resource, ...f.related]));
  if (inventory === void 0) return names;
  const add = (key, cloudId) => {
    names.add(key);
    if (cloudId !== void 0) names.add(cloudId);
  };
  for (const lb of inventory.loadBalancers.values()) {
    add(lb.key, lb.provenance.cloudId);
    for (const listener of lb.listeners) {
      add(listener.key, listener.provenance.cloudId);
      for (const rule of listener.rules) add(rule.key, rule.provenance.cloudId);
    }
  }
  for (const map of [inventory.instances, inventory.networkInterfaces, inventory.securityGroups, inventory.networkAcls, inventory.subnets])
    for (const item of map.values()) add(item.key, item.provenance.cloudId);
  for (const instance of inventory.instances.values()) for (const nic of instance.interfaces) names.add(nic.key);
  for (const alias of inventory.aliases.keys()) names.add(alias);
  return names;
}

// src/cli/reportFile.ts
import { randomBytes } from "node:crypto";
import { chmodSync, closeSync, copyFileSync, lstatSync, openSync, renameSync, statSync, unlinkSync, writeSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, dirname, join } from "node:path";
function writeReportFile(path, chunks, failed) {
  const target = targetOf(path);
  if (target.kind === "special") {
    const fd = open(path, "w", 438, failed);
    writeAndClose(fd, chunks, failed);
    return;
  }
  const temporary = openTemporary(path, target.kind === "new" ? 438 : 384, failed);
  try {
    writeAndClose(temporary.fd, chunks, failed);
    if (target.kind === "existing") chmodSync(temporary.path, target.mode);
    if (target.kind === "new" && temporary.beside) renameSync(temporary.path, path);
    else copyFileSync(temporary.path, path);
  } catch (error) {
    throw converted.has(error) || !isSystemError(error) ? error : failed(error);
  } finally {
    removeQuietly(temporary.path);
  }
}
function targetOf(path) {
  let link;
  try {
    link = lstatSync(path);
  } catch {
    return { kind: "new" };
  }
  let stats;
  try {
    stats = statSync(path);
  } catch {
    return link.isSymbolicLink() ? { kind: "existing", mode: 420 } : { kind: "new" };
  }
  if (!stats.isFile()) return { kind: "special" };
  return { kind: "existing", mode: Number(stats.mode) & 4095 };
}
function openTemporary(path, mode, failed) {
  const suffix = `${process.pid}.${randomBytes(6).toString("hex")}.tmp`;
  const beside = join(dirname(path), `.${basename(path)}.${suffix}`);
  try {
    return { path: beside, fd: openSync(beside, "wx", mode), beside: true };
  } catch (error) {
    const code = error?.code;
    if (code !== "EACCES" && code !== "EPERM" && code !== "EROFS" && code !== "ENAMETOOLONG") throw failed(error);
  }
  const elsewhere = join(tmpdir(), `clb-guard-report.${suffix}`);
  return { path: elsewhere, fd: open(elsewhere, "wx", mode, failed), beside: false };
}
function open(path, flags, mode, failed) {
  try {
    return openSync(path, flags, mode);
  } catch (error) {
    throw failed(error);
  }
}
var converted = /* @__PURE__ */ new WeakSet();
function writeAndClose(fd, chunks, failed) {
  try {
    for (const chunk of chunks) {
      try {
        const bytes = typeof chunk === "string" ? Buffer.from(chunk) : chunk;
        for (let written = 0; written < bytes.length; ) written += writeSync(fd, bytes, written);
      } catch (error) {
        const mine = failed(error);
        converted.add(mine);
        throw mine;
      }
    }
  } finally {
    closeSync(fd);
  }
}
function isSystemError(error) {
  return typeof error?.code === "string";
}
function removeQuietly(path) {
  try {
    unlinkSync(path);
  } catch {
  }
}

// src/cli/shardsCommand.ts
function renderMatrix(accounts, configFile, index) {
  if (index !== void 0) return `${JSON.stringify(shardAt(accounts, configFile, index))}
`;
  return `${JSON.stringify({ include: shardsOf(accountsOrExplain(accounts, configFile)) })}
`;
}

// src/cli/runCli.ts
async function runCli(argv, io) {
  try {
    return await run(parseCommand(argv), io);
  } catch (error) {
    if (error instanceof InputError) {
      io.stderr.write(`clb-guard: ${errorMessage(error)}
`);
      return 2;
    }
    const ioLine = ioErrorLine(error);
    if (ioLine !== void 0) {
      io.stderr.write(`clb-guard: ${ioLine}
`);
      return 2;
    }
    io.stderr.write(
      `clb-guard: internal error: ${errorMessage(error)} (set CLB_GUARD_DEBUG=1 for the stack trace, and please report it)
`
    );
    if (io.env.CLB_GUARD_DEBUG) io.stderr.write(`${error?.stack ?? ""}
`);
    return 2;
  }
}
async function run(command, io) {
  switch (command.kind) {
    case "help":
      io.stdout.write(`${usage(command.topic)}
`);
      return 0;
    case "version":
      io.stdout.write(`clb-guard ${TOOL_VERSION}
`);
      return 0;
    case "validate": {
      const { problems, policies } = await validatePolicyFiles(command.files, io.cwd);
      if (problems.length > 0) {
        for (const problem of problems) io.stderr.write(`${formatProblem(problem)}
`);
        return 2;
      }
      io.stdout.write(
        `${policies} ${policies === 1 ? "policy" : "policies"} in ${command.files.join(", ") || "no files"}, and the built-in pack, are valid.
`
      );
      return 0;
    }
    case "list": {
      const logger = consoleLogger({ verbose: command.verbose, stream: io.stderr });
      const config = await loadRunConfig({
        cwd: io.cwd,
        logger,
        ...command.config !== void 0 ? { configFile: command.config } : {},
        policyPaths: command.policies
      });
      const rows = config.policies.map(({ policy, severity: severity2, source: source2 }) => ({ id: policy.id, severity: severity2, source: source2, title: policy.title }));
      if (command.format === "json") {
        io.stdout.write(`${JSON.stringify({ ...config.file !== void 0 ? { config: config.file } : {}, policies: rows }, null, 2)}
`);
        return 0;
      }
      const width = (key, heading) => Math.max(heading.length, ...rows.map((r) => r[key].length));
      const [id, severity, source] = [width("id", "POLICY"), width("severity", "SEVERITY"), width("source", "SOURCE")];
      const line = (a, b, c, d) => `${a.padEnd(id)}  ${b.padEnd(severity)}  ${c.padEnd(source)}  ${d}`.trimEnd();
      const lines = [line("POLICY", "SEVERITY", "SOURCE", "TITLE"), ...rows.map((r) => line(r.id, r.severity, r.source, r.title))];
      lines.push("", `${rows.length} ${rows.length === 1 ? "policy" : "policies"}; config: ${config.file ?? "none"}`);
      io.stdout.write(`${lines.join("\n")}
`);
      return 0;
    }
    case "shards": {
      const logger = consoleLogger({ verbose: command.verbose, stream: io.stderr });
      const config = await loadRunConfig({ cwd: io.cwd, logger, ...command.config !== void 0 ? { configFile: command.config } : {} });
      io.stdout.write(renderMatrix(config.accounts, config.file, command.index));
      return 0;
    }
    case "merge":
      return (await import("./mergeCommand-KQTFCOWF.js")).runMerge(command, io);
    case "plan": {
      const report = await checkPlan({
        ...planCheckOptions(command, io),
        ...command.hybrid ? { resolveLive: resolveLiveOf(command.hybrid, io) } : {},
        // Only the Markdown report draws the failing flows' paths.
        paths: command.common.format === "markdown"
      });
      await emit(report, command.common, io);
      if (!report.complete && report.resolution?.complete !== false && command.allowPartial !== true) {
        io.stderr.write(`clb-guard: ${planIncompleteSentence(report)}. Pass --allow-partial to exit by the findings alone.
`);
        return 2;
      }
      if (report.resolution?.complete === false && command.allowPartial !== true) {
        io.stderr.write(
          "clb-guard: resolving the plan's external references is incomplete (calls kept failing, or the account's answers left something out: see the warnings); the checks that need them are unknown. Re-run, or pass --allow-partial to exit by the findings alone.\n"
        );
        return 2;
      }
      return exitCodeFor(report, command.common.failOn, { failOnPreexisting: command.hybrid?.failOnPreexisting === true });
    }
    case "explain": {
      let inventory;
      const report = await checkPlan({ ...planCheckOptions(command, io), onInventory: (read) => inventory = read });
      const explained = explainReport(report, inventory, command.id, command.planFile === "-" ? "the plan on stdin" : command.planFile);
      await emitExplained(explained, command.id, command.common, io);
      if (!report.complete) {
        io.stderr.write(`clb-guard: ${planIncompleteSentence(report)}.
`);
        return 2;
      }
      return exitCodeFor(explained, command.common.failOn);
    }
    case "live": {
      const logger = consoleLogger({ verbose: command.common.verbose, stream: io.stderr });
      const apiEndpoint = command.apiEndpoint ?? io.env.CLB_GUARD_API_ENDPOINT;
      const shard = command.snapshot?.shard === void 0 ? void 0 : await configShard(io.cwd, command.common.config, command.snapshot.shard);
      if (shard !== void 0) logger.info(`shard ${command.snapshot?.shard}: account ${shard.account}, region ${shard.region}`);
      const account = shard?.account ?? command.snapshot?.account;
      const common = {
        cwd: io.cwd,
        logger,
        ...command.common.config !== void 0 ? { configFile: command.common.config } : {},
        policyPaths: command.common.policies,
        ...command.common.today !== void 0 ? { today: command.common.today } : {},
        ...account !== void 0 ? { account } : {}
      };
      const regions = shard !== void 0 ? [shard.region] : command.regions;
      let inventory;
      const onInventory = command.explainOnly !== void 0 ? { onInventory: (read) => inventory = read } : {};
      const checked = command.snapshot?.from !== void 0 ? await (await import("./snapshotCheck-FGOFGA4C.js")).checkSnapshot({
        ...common,
        snapshotFile: command.snapshot.from,
        regions,
        ...onInventory
      }) : await (await import("./liveCheck-DXIGKN2F.js")).checkLive({
        ...common,
        regions,
        env: io.env,
        ...command.live,
        ...apiEndpoint ? { apiEndpoint } : {},
        ...command.snapshot?.save !== void 0 ? { saveSnapshot: command.snapshot.save } : {},
        ...onInventory
      });
      const report = command.explainOnly === void 0 ? checked : explainReport(
        checked,
        inventory,
        command.explainOnly,
        `the account (${checked.target.regions?.join(", ") ?? regions.join(", ")})`
      );
      if (command.explainOnly === void 0) await emit(report, command.common, io);
      else await emitExplained(report, command.explainOnly, command.common, io);
      if (!report.complete && !command.allowPartial) {
        io.stderr.write(
          "clb-guard: the scan is incomplete (some API calls kept failing); findings for those resources are unknown. Re-run, or pass --allow-partial to exit by the findings alone.\n"
        );
        return 2;
      }
      return exitCodeFor(report, command.common.failOn);
    }
  }
}
function resolveLiveOf(hybrid, io) {
  const apiEndpoint = hybrid.apiEndpoint ?? io.env.CLB_GUARD_API_ENDPOINT;
  return {
    regions: hybrid.regions,
    env: io.env,
    ...apiEndpoint ? { apiEndpoint } : {},
    ...hybrid.rateLimits ? { rateLimits: hybrid.rateLimits } : {},
    ...hybrid.budgetPerRegion ? { budgetPerRegion: true } : {}
  };
}
function planCheckOptions(command, io) {
  return {
    cwd: io.cwd,
    logger: consoleLogger({ verbose: command.common.verbose, stream: io.stderr }),
    planFile: command.planFile,
    ...command.tfRoot !== void 0 ? { tfRoot: command.tfRoot } : {},
    ...command.common.config !== void 0 ? { configFile: command.common.config } : {},
    policyPaths: command.common.policies,
    ...command.common.today !== void 0 ? { today: command.common.today } : {},
    ...io.stdin !== void 0 ? { stdin: io.stdin } : {},
    ...io.releaseGarbage !== void 0 ? { releaseGarbage: io.releaseGarbage } : {}
  };
}
function useColor(common, io) {
  const toStdout = common.output === void 0;
  return toStdout && io.stdout.isTTY === true && io.env.NO_COLOR === void 0 ? true : io.env.FORCE_COLOR !== void 0 && io.env.FORCE_COLOR !== "0";
}
async function emitExplained(report, id, common, io) {
  await write(renderExplained(report, id, common.format, common.format === "text" && useColor(common, io)), common, io);
}
async function configShard(cwd, configFile, index) {
  const config = await loadConfig({ cwd, ...configFile !== void 0 ? { configFile } : {} });
  return shardAt(config.accounts, config.file, index);
}
async function emit(report, common, io, render = renderReportChunks) {
  const toStdout = common.output === void 0;
  const color = useColor(common, io);
  const shown = toStdout && common.format === "text" ? { ...report, warnings: [] } : report;
  const text = render(shown, common.format, {
    color: common.format === "text" && color,
    explain: common.explain,
    repoRoot: io.cwd,
    fileExists: (path) => existsSync(resolve(io.cwd, path))
  });
  await write(text, common, io);
}
async function write(text, common, io) {
  const chunks = typeof text === "string" ? [text] : utf8Batches(text);
  if (common.output === void 0) {
    for (const chunk of chunks) {
      if (io.stdout.destroyed === true) return;
      if (io.stdout.write(chunk) === false) await drained(io.stdout);
    }
    return;
  }
  const path = resolve(io.cwd, common.output);
  const output = common.output;
  writeReportFile(path, chunks, (error) => cannotWrite(error, output, path));
}
function drained(stream) {
  const emitter = stream;
  if (typeof emitter.once !== "function" || typeof emitter.off !== "function" || emitter.destroyed === true) return Promise.resolve();
  return new Promise((done) => {
    const settle = () => {
      emitter.off?.("drain", settle);
      emitter.off?.("close", settle);
      done();
    };
    emitter.once?.("drain", settle);
    emitter.once?.("close", settle);
  });
}
function cannotWrite(error, output, path) {
  const code = error.code;
  const reason = code === "ENOENT" ? `the folder ${dirname2(output) === "." ? dirname2(path) : dirname2(output)} does not exist` : code === "EISDIR" ? "it is a folder" : code === "ENOTDIR" ? "a part of the path is a file, not a folder" : code === "EACCES" || code === "EPERM" ? "permission denied" : code === "ENOSPC" ? "no space left on the device" : code === "EROFS" ? "read-only file system" : error.message;
  return new InputError(`cannot write the report to ${output}: ${reason}`);
}
var IO_CODES = {
  ENOENT: "no such file or folder",
  EACCES: "permission denied",
  EPERM: "operation not permitted",
  EISDIR: "is a folder",
  ENOTDIR: "a part of the path is not a folder",
  EMFILE: "too many open files",
  ENFILE: "too many open files",
  ENOSPC: "no space left on the device",
  EROFS: "read-only file system",
  EIO: "input/output error",
  ELOOP: "too many symbolic links",
  ENAMETOOLONG: "file name too long",
  EPIPE: "broken pipe",
  EAGAIN: "resource temporarily unavailable"
};
function ioErrorLine(error) {
  const e = error;
  if (e === void 0 || e === null || typeof e.code !== "string" || !(e.code in IO_CODES)) return void 0;
  const what = e.syscall === "open" || e.syscall === "read" || e.syscall === "scandir" || e.syscall === "stat" || e.syscall === "lstat" ? "cannot read" : e.syscall === "write" || e.syscall === "mkdir" ? "cannot write" : "cannot access";
  return `${what}${e.path ? ` ${e.path}` : ""}: ${IO_CODES[e.code]}`;
}

export {
  shardsOf,
  summaryLine,
  renderMarkdown,
  renderReport,
  consoleLogger,
  runCli,
  emit
};
