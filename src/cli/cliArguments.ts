import { parseArgs } from 'node:util';
import { PLAN_RESOLVE_LIVE_OPTIONS } from '../check/modeSettings.js';
import type { FailOn } from '../check/options.js';
import { checkedRoleArn } from '../check/roleArn.js';
import { ACCOUNT_NAME } from '../check/shards.js';
import { InputError } from '../errors/inputError.js';
import { FAIL_ON_LEVELS } from '../model/severity.js';
import { isCalendarDate } from '../policy/semantics/valueChecks.js';
import { isReportFormat, REPORT_FORMATS, type ReportFormat } from '../report/formats.js';
import { closestMatch as closest } from '../text/closestMatch.js';

export interface CommonArguments {
  readonly config?: string;
  readonly policies: readonly string[];
  readonly format: ReportFormat;
  readonly output?: string;
  readonly failOn: FailOn;
  readonly explain: boolean;
  readonly verbose: boolean;
  readonly today?: string;
}

/** How live mode reaches the account: which profile, which role, how fast. */
export interface LiveAccessArguments {
  readonly profile?: string;
  readonly roleArn?: string;
  readonly rateLimits?: Readonly<Record<string, number>>;
  readonly budgetPerRegion?: boolean;
}

/** `plan --resolve-live`: live mode's region and endpoint flags, and whether pre-existing failures fail the run. */
export interface HybridArguments {
  /** Empty: the region of the plan's tencentcloud provider. */
  readonly regions: readonly string[];
  readonly apiEndpoint?: string;
  readonly failOnPreexisting: boolean;
  /** The same pacing as live mode's: the hybrid's calls go through the same scheduler. */
  readonly rateLimits?: Readonly<Record<string, number>>;
  readonly budgetPerRegion?: boolean;
}

/** What `--help` can be about: the overview or one command. */
export type HelpTopic = 'overview' | 'plan' | 'live' | 'explain' | 'policies' | 'policies validate' | 'policies list' | 'shards' | 'merge';

export type Command =
  | {
      readonly kind: 'plan';
      readonly planFile: string;
      readonly tfRoot?: string;
      readonly hybrid?: HybridArguments;
      /** Exit by the findings even when the plan (or, with --resolve-live, its resolution) is incomplete: one flag for both. */
      readonly allowPartial?: boolean;
      readonly common: CommonArguments;
    }
  | {
      readonly kind: 'live';
      readonly regions: readonly string[];
      readonly apiEndpoint?: string;
      readonly allowPartial: boolean;
      readonly explainOnly?: string;
      readonly live?: LiveAccessArguments;
      readonly common: CommonArguments;
      readonly snapshot?: SnapshotArguments;
    }
  | { readonly kind: 'explain'; readonly planFile: string; readonly id: string; readonly tfRoot?: string; readonly common: CommonArguments }
  | { readonly kind: 'validate'; readonly files: readonly string[] }
  | {
      readonly kind: 'list';
      readonly config?: string;
      readonly policies: readonly string[];
      readonly format: 'text' | 'json';
      readonly verbose: boolean;
    }
  | { readonly kind: 'shards'; readonly config?: string; readonly index?: number; readonly verbose: boolean }
  | { readonly kind: 'merge'; readonly reports: readonly string[]; readonly allowPartial: boolean; readonly common: CommonArguments }
  | { readonly kind: 'help'; readonly topic: HelpTopic }
  | { readonly kind: 'version' };

/** `live`'s snapshot options: check one offline, or write what the scan read; the account's name. */
export interface SnapshotArguments {
  readonly from?: string;
  readonly save?: string;
  readonly account?: string;
  /** The config's shard of this number (as `shards` lists them, from 0): account and region. */
  readonly shard?: number;
}

interface OptionSpec {
  readonly type: 'string' | 'boolean';
  readonly multiple?: boolean;
  readonly short?: string;
  readonly value?: string;
  readonly help: string;
}

const OPTIONS = {
  'tf-root': {
    type: 'string',
    value: 'DIR',
    help: "folder of the root module's .tf files (default: the plan file's folder when it holds .tf files, else found in the repository)",
  },
  region: {
    type: 'string',
    multiple: true,
    value: 'REGION',
    help: 'region to scan (repeatable, or comma-separated); all: every region the account has',
  },
  profile: {
    type: 'string',
    value: 'NAME',
    help: 'use the profile [NAME] of the credentials file (TENCENTCLOUD_CREDENTIALS_FILE, else ~/.tencentcloud/credentials)',
  },
  'role-arn': {
    type: 'string',
    value: 'ARN',
    help: 'assume this CAM role (STS AssumeRole) with the credentials given, and scan as the role',
  },
  'rate-limit': {
    type: 'string',
    multiple: true,
    value: 'ACTION=N',
    help: 'allow N requests per second of ACTION (repeatable; default: the published limits, 20 for unpublished ones)',
  },
  'budget-per-region': {
    type: 'boolean',
    help: 'give each region its own rate-limit budget (default: one per account, shared by the regions)',
  },
  'api-endpoint': { type: 'string', value: 'URL', help: 'send every API call to URL (emulators, proxies); http only for loopback' },
  'allow-partial': { type: 'boolean', help: 'exit by the findings even if some API calls kept failing' },
  'explain-only': {
    type: 'string',
    value: 'ID',
    help: 'report only what concerns ID (a resource or a finding fingerprint), with its paths, as `explain` does',
  },
  snapshot: { type: 'string', value: 'FILE', help: 'check a snapshot offline (no credentials, no network); --region optional' },
  'save-snapshot': { type: 'string', value: 'FILE', help: 'also write what the scan read to FILE (a snapshot)' },
  account: { type: 'string', value: 'NAME', help: "the account's name, for the report (and merged reports)" },
  shard: { type: 'string', value: 'N', help: "scan the config's shard N (from 0, as clb-guard shards lists them): its account and region" },
  index: { type: 'string', value: 'N', help: 'print only shard N (from 0), e.g. $JOB_COMPLETION_INDEX in a Kubernetes Indexed Job' },
  'resolve-live': {
    type: 'boolean',
    help: "read what the plan names by ID (and the live backends its changes reach) from the account; live mode's credentials",
  },
  'fail-on-preexisting': { type: 'boolean', help: 'with --resolve-live: let failures live backends already have fail the run too' },
  config: { type: 'string', value: 'FILE', help: 'config file (default: the nearest .clb-guard.json up to the repository root)' },
  policies: { type: 'string', multiple: true, value: 'PATH', help: 'extra policy file or directory (repeatable)' },
  format: { type: 'string', value: 'FORMAT', help: `${REPORT_FORMATS.join(', ')} (default: text)` },
  output: {
    type: 'string',
    value: 'FILE',
    help: 'write the report to FILE instead of stdout (its folder must exist); FILE is replaced only by a whole report',
  },
  'fail-on': { type: 'string', value: 'LEVEL', help: 'exit 1 on findings at or above LEVEL: error (default), warning, notice or never' },
  explain: { type: 'boolean', help: 'show the rules that decided each finding (text format)' },
  today: { type: 'string', value: 'DATE', help: 'date for exception expiry, YYYY-MM-DD (default: today, UTC)' },
  verbose: { type: 'boolean', help: 'more logging on stderr' },
  help: { type: 'boolean', short: 'h', help: 'this help' },
  version: { type: 'boolean', help: 'print the version' },
} satisfies Record<string, OptionSpec>;

type OptionName = keyof typeof OPTIONS;

const COMMON: readonly OptionName[] = ['config', 'policies', 'format', 'output', 'fail-on', 'explain', 'today', 'verbose', 'help'];

/** The options each command accepts, in the order its help lists them. */
const COMMAND_OPTIONS: Record<Exclude<HelpTopic, 'policies'>, readonly OptionName[]> = {
  overview: ['help', 'version'],
  plan: [
    'tf-root',
    'resolve-live',
    'region',
    'api-endpoint',
    'rate-limit',
    'budget-per-region',
    'allow-partial',
    'fail-on-preexisting',
    ...COMMON,
  ],
  live: [
    'region',
    'profile',
    'role-arn',
    'api-endpoint',
    'rate-limit',
    'budget-per-region',
    'allow-partial',
    'explain-only',
    'snapshot',
    'save-snapshot',
    'account',
    'shard',
    ...COMMON,
  ],
  explain: ['tf-root', 'config', 'policies', 'format', 'output', 'fail-on', 'today', 'verbose', 'help'],
  'policies validate': ['help'],
  'policies list': ['config', 'policies', 'format', 'verbose', 'help'],
  shards: ['config', 'index', 'verbose', 'help'],
  merge: ['config', 'format', 'output', 'fail-on', 'allow-partial', 'explain', 'verbose', 'help'],
};

const SYNOPSIS: Record<HelpTopic, string> = {
  overview: `Usage:
  clb-guard plan PLAN.json|- [--tf-root DIR] [options]        check a \`terraform show -json\` plan (- reads it from stdin)
  clb-guard live --region REGION [--region …] [options]       check the live Tencent Cloud account
  clb-guard live --snapshot FILE [options]                    check a snapshot of an account offline
  clb-guard explain PLAN.json RESOURCE|FINGERPRINT [options]  the path of one backend, listener, CLB, group or ACL, or one finding
  clb-guard policies validate [FILE|DIR …]                    validate policy files (and the built-in pack)
  clb-guard policies list [--config FILE] [--policies PATH]   the policies a run would use, with severity and source
  clb-guard shards [--config FILE] [--index N]                the GitHub Actions matrix of the config's accounts × regions
  clb-guard merge REPORT.json … [options]                     merge the JSON reports of shards into one report

Run \`clb-guard COMMAND --help\` for the options of a command.`,
  plan: `Usage: clb-guard plan PLAN.json|- [options]

Checks the output of \`terraform show -json PLANFILE\`; \`-\` reads it from stdin:
  terraform show -json tfplan | clb-guard plan -
With --resolve-live, what the plan names by ID and does not manage (groups, subnets, ACLs, CLBs…)
is read from the account, and the live backends its changes reach are checked too; credentials as
for live mode without --profile and --role-arn (TENCENTCLOUD_SECRET_ID / TENCENTCLOUD_SECRET_KEY, else
the [default] profile); the region from --region, else the plan's tencentcloud provider block.`,
  live: `Usage: clb-guard live --region REGION [--region …] [options]

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
  clb-guard policies validate [FILE|DIR …]
  clb-guard policies list [--config FILE] [--policies PATH] [--format text|json]`,
  shards: `Usage: clb-guard shards [--config FILE] [--index N]

Prints the GitHub Actions matrix of the config's accounts: {"include":[{"account","role","region",
"oidcProviderId"}]}, one job per account and region, for strategy.matrix: \${{ fromJSON(…) }}.`,
  merge: `Usage: clb-guard merge REPORT.json … [options]

Merges the JSON reports of shards (one per account and region) into one report, with a section per
account and region. With --config, every account and region of its "accounts" must have a report:
a missing or incomplete one makes its section incomplete, and the merge exits 2 unless --allow-partial.`,
  'policies validate': `Usage: clb-guard policies validate [FILE|DIR …]

Validates policy files (and the built-in pack against them): every problem on its own located line.`,
  'policies list': `Usage: clb-guard policies list [options]

Prints the policies a run would use — the built-in pack, the config's includes and --policies — with
their effective severity (after the config's overrides) and the file each comes from.`,
};

/** Where an option means something narrower in one command than its shared help says. */
const COMMAND_HELP: Partial<Record<HelpTopic, Partial<Record<OptionName, string>>>> = {
  plan: {
    region:
      "with --resolve-live: region to read from (repeatable, or comma-separated; an ID not found in one is looked for in the next); default: the plan's tencentcloud provider region",
    'api-endpoint': 'with --resolve-live: send every API call to URL (emulators, proxies); http only for loopback',
    'allow-partial':
      'exit by the findings even if the plan check is incomplete (deferred changes, resources that cannot be linked) or, with --resolve-live, some API calls kept failing',
  },
  merge: {
    'allow-partial': "exit by the findings even if a shard of the config's accounts has no report or an incomplete one",
  },
  explain: { format: 'text, markdown (the paths as Mermaid diagrams) or json (default: text)' },
  'policies list': { format: 'text or json (default: text)' },
};

const EXIT_CODES = 'Exit codes: 0 clean, 1 findings at or above --fail-on, 2 usage, input or configuration error.';

/** The help text of a command (or the overview). */
export function usage(topic: HelpTopic = 'overview'): string {
  const names = topic === 'policies' ? [] : COMMAND_OPTIONS[topic];
  const rows = names.map((name) => {
    const spec: OptionSpec = OPTIONS[name];
    const flag = `${spec.short ? `-${spec.short}, ` : ''}--${name}${spec.value ? ` ${spec.value}` : ''}`;
    const help = COMMAND_HELP[topic]?.[name] ?? spec.help;
    return `  ${flag.padEnd(22)} ${help}`;
  });
  const options = rows.length > 0 ? `\n\nOptions:\n${rows.join('\n')}` : '';
  const exits =
    topic === 'plan' || topic === 'live' || topic === 'explain' || topic === 'merge' || topic === 'overview' ? `\n\n${EXIT_CODES}` : '';
  return `${SYNOPSIS[topic]}${options}${exits}`;
}

/** The overview help, as before. */
export const USAGE = usage('overview');

const COMMANDS = ['plan', 'live', 'explain', 'policies', 'shards', 'merge', 'help'];
const POLICIES_COMMANDS = ['validate', 'list'];

function commandOf(positionals: readonly string[]): HelpTopic | undefined {
  const [first, second] = positionals;
  if (first === 'plan' || first === 'live' || first === 'explain' || first === 'shards' || first === 'merge') return first;
  if (first === 'policies') return second === 'validate' ? 'policies validate' : second === 'list' ? 'policies list' : 'policies';
  return undefined;
}

export function parseCommand(argv: readonly string[]): Command {
  // Lenient first, so that the message can name the command and suggest the option meant.
  const { values, positionals, tokens } = parseArgs({
    args: [...argv],
    allowPositionals: true,
    strict: false,
    tokens: true,
    options: Object.fromEntries(
      Object.entries(OPTIONS).map(([name, spec]) => [
        name,
        { type: spec.type, ...('multiple' in spec ? { multiple: spec.multiple } : {}), ...('short' in spec ? { short: spec.short } : {}) },
      ]),
    ),
  });
  const topic = commandOf(positionals);
  const allowed: readonly OptionName[] =
    topic === undefined || topic === 'policies' ? [...COMMAND_OPTIONS.overview] : COMMAND_OPTIONS[topic];
  const where = topic === undefined ? '' : ` for "${topic}"`;
  const helpHint = topic === undefined || topic === 'overview' ? 'clb-guard --help' : `clb-guard ${topic} --help`;
  for (const token of tokens) {
    if (token.kind !== 'option') continue;
    const name = token.name;
    const spec = (OPTIONS as Record<string, OptionSpec>)[name];
    if (spec === undefined) {
      const meant = closest(name, allowed) ?? (topic === undefined ? closest(name, Object.keys(OPTIONS)) : undefined);
      throw new InputError(`unknown option ${token.rawName}${where}${meant ? `; did you mean --${meant}?` : ''} (see ${helpHint})`);
    }
    if (name === 'help' || name === 'version') continue;
    if (!allowed.includes(name as OptionName)) {
      const owners = (['plan', 'live', 'explain', 'policies list', 'shards', 'merge'] as const).filter((c) =>
        COMMAND_OPTIONS[c].includes(name as OptionName),
      );
      const belongs = owners.length > 0 ? `; it belongs to ${owners.map((c) => `"${c}"`).join(' and ')}` : '';
      throw new InputError(
        `${token.rawName} is not an option${topic === undefined ? ' without a command' : where}${belongs} (see ${helpHint})`,
      );
    }
    if (spec.type === 'string' && token.value === undefined)
      throw new InputError(`${token.rawName} needs a value${spec.value ? `: ${token.rawName} ${spec.value}` : ''}`);
    if (spec.type === 'boolean' && token.inlineValue) throw new InputError(`${token.rawName} takes no value (got "${token.value}")`);
  }
  const str = (name: OptionName): string | undefined => {
    const value = values[name];
    return typeof value === 'string' ? value : undefined;
  };
  const strs = (name: OptionName): string[] => {
    const value = values[name];
    return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
  };
  const bool = (name: OptionName): boolean => values[name] === true;

  if (bool('version') && !bool('help')) return { kind: 'version' };
  if (positionals[0] === 'help') {
    const about = commandOf(positionals.slice(1));
    if (positionals.length > 1 && about === undefined)
      throw new InputError(
        `no help on "${positionals.slice(1).join(' ')}": the commands are plan, live, explain, policies validate, policies list, shards and merge`,
      );
    return { kind: 'help', topic: about ?? 'overview' };
  }
  if (bool('help') || positionals.length === 0) return { kind: 'help', topic: topic ?? 'overview' };
  const [command, ...rest] = positionals;
  if (topic === undefined) {
    const meant = closest(command!, COMMANDS);
    throw new InputError(`unknown command "${command}"${meant ? `; did you mean "${meant}"?` : ''} (see clb-guard --help)`);
  }
  if (topic === 'policies') {
    const sub = rest[0];
    const meant = sub === undefined ? undefined : closest(sub, POLICIES_COMMANDS);
    throw new InputError(
      sub === undefined
        ? 'policies needs a command: clb-guard policies validate FILES, or clb-guard policies list'
        : `unknown policies command "${sub}"${meant ? `; did you mean "policies ${meant}"?` : ''} (the commands are policies validate and policies list)`,
    );
  }
  const format = str('format') ?? 'text';
  if (topic === 'policies list') {
    if (rest.length > 1) throw new InputError(`policies list takes no files (got "${rest[1]}"); use --policies PATH`);
    if (format !== 'text' && format !== 'json') throw new InputError(`--format of "policies list" must be text or json, not "${format}"`);
    const config = str('config');
    return { kind: 'list', ...(config !== undefined ? { config } : {}), policies: strs('policies'), format, verbose: bool('verbose') };
  }
  if (topic === 'policies validate') return { kind: 'validate', files: rest.slice(1) };
  if (topic === 'shards') {
    if (rest.length > 0) throw new InputError(`shards takes no files (got "${rest[0]}"); use --config FILE`);
    const config = str('config');
    const index = shardNumber('--index', str('index'));
    return {
      kind: 'shards',
      ...(config !== undefined ? { config } : {}),
      ...(index !== undefined ? { index } : {}),
      verbose: bool('verbose'),
    };
  }
  if (!isReportFormat(format)) throw new InputError(`--format must be one of ${REPORT_FORMATS.join(', ')}, not "${format}"`);
  const failOn = str('fail-on') ?? 'error';
  if (!FAIL_ON_LEVELS.includes(failOn as FailOn))
    throw new InputError(`--fail-on must be one of ${FAIL_ON_LEVELS.join(', ')}, not "${failOn}"`);
  const today = str('today');
  if (today !== undefined && !isCalendarDate(today)) throw new InputError(`--today must be a calendar day, YYYY-MM-DD, not "${today}"`);
  const config = str('config');
  const output = str('output');
  const common: CommonArguments = {
    ...(config !== undefined ? { config } : {}),
    policies: strs('policies'),
    format,
    ...(output !== undefined ? { output } : {}),
    failOn: failOn as FailOn,
    explain: bool('explain'),
    verbose: bool('verbose'),
    ...(today !== undefined ? { today } : {}),
  };
  if (topic === 'merge') {
    if (rest.length === 0) throw new InputError('merge needs the JSON reports of the shards: clb-guard merge reports/*.json');
    return { kind: 'merge', reports: rest, allowPartial: bool('allow-partial'), common };
  }
  if (topic === 'plan') {
    if (rest.length !== 1) throw new InputError('plan takes exactly one plan file: clb-guard plan PLAN.json (or - for stdin)');
    const tfRoot = str('tf-root');
    const hybridOnly = PLAN_RESOLVE_LIVE_OPTIONS.find((name) => values[name] !== undefined);
    if (!bool('resolve-live') && hybridOnly !== undefined)
      throw new InputError(`--${hybridOnly} of "plan" needs --resolve-live (it is about reading the account)`);
    const endpoint = str('api-endpoint');
    const hybridRateLimits = parseRateLimits(strs('rate-limit'));
    const hybrid: HybridArguments | undefined = bool('resolve-live')
      ? {
          regions: regionsOf(strs('region')),
          ...(endpoint !== undefined ? { apiEndpoint: endpoint } : {}),
          failOnPreexisting: bool('fail-on-preexisting'),
          ...(hybridRateLimits !== undefined ? { rateLimits: hybridRateLimits } : {}),
          ...(bool('budget-per-region') ? { budgetPerRegion: true } : {}),
        }
      : undefined;
    return {
      kind: 'plan',
      planFile: rest[0]!,
      ...(tfRoot !== undefined ? { tfRoot } : {}),
      ...(hybrid ? { hybrid } : {}),
      ...(bool('allow-partial') ? { allowPartial: true } : {}),
      common,
    };
  }
  if (topic === 'explain') {
    if (rest.length !== 2)
      throw new InputError('explain takes a plan file and what to explain: clb-guard explain PLAN.json RESOURCE|FINGERPRINT');
    if (format !== 'text' && format !== 'markdown' && format !== 'json')
      throw new InputError(`--format of "explain" must be text, markdown or json, not "${format}"`);
    const tfRoot = str('tf-root');
    return { kind: 'explain', planFile: rest[0]!, id: rest[1]!, ...(tfRoot !== undefined ? { tfRoot } : {}), common };
  }
  if (rest.length > 0) throw new InputError(`live takes no positional arguments (got "${rest[0]}"); use --region`);
  const regions = regionsOf(strs('region'));
  const apiEndpoint = str('api-endpoint');
  const profile = str('profile');
  const roleArn = str('role-arn');
  if (roleArn !== undefined) checkedRoleArn(roleArn, '--role-arn');
  const rateLimits = parseRateLimits(strs('rate-limit'));
  const live: LiveAccessArguments = {
    ...(profile !== undefined ? { profile } : {}),
    ...(roleArn !== undefined ? { roleArn } : {}),
    ...(rateLimits !== undefined ? { rateLimits } : {}),
    ...(bool('budget-per-region') ? { budgetPerRegion: true } : {}),
  };
  const explainOnly = str('explain-only');
  if (explainOnly !== undefined && format === 'sarif') throw new InputError('--explain-only reports as text, markdown or json, not sarif');
  const snapshot = snapshotArguments(
    str('snapshot'),
    str('save-snapshot'),
    str('account'),
    apiEndpoint,
    shardNumber('--shard', str('shard')),
  );
  if (snapshot?.shard !== undefined && (regions.length > 0 || snapshot.account !== undefined || snapshot.from !== undefined))
    throw new InputError('--shard N takes the account and region from the config: leave out --region, --account and --snapshot');
  if (regions.length === 0 && snapshot?.from === undefined && snapshot?.shard === undefined)
    throw new InputError('live needs at least one --region, e.g. --region ap-guangzhou (or --snapshot FILE)');
  return {
    kind: 'live',
    regions,
    ...(apiEndpoint !== undefined ? { apiEndpoint } : {}),
    allowPartial: bool('allow-partial'),
    ...(explainOnly !== undefined ? { explainOnly } : {}),
    live,
    common,
    ...(snapshot ? { snapshot } : {}),
  };
}

/** `--rate-limit DescribeSubnets=50`: an action's name and a positive number of requests per second. */
function parseRateLimits(values: readonly string[]): Record<string, number> | undefined {
  if (values.length === 0) return undefined;
  const limits: Record<string, number> = {};
  for (const value of values.flatMap((v) => v.split(','))) {
    const match = /^\s*([A-Z][A-Za-z]+)\s*=\s*(\d+(?:\.\d+)?)\s*$/.exec(value);
    const rate = match ? Number(match[2]) : NaN;
    if (!match || !(rate > 0) || rate > 10_000)
      throw new InputError(
        `--rate-limit takes ACTION=N with N requests per second (0 < N <= 10000), e.g. DescribeSubnets=50; not "${value}"`,
      );
    limits[match[1]!] = rate;
  }
  return limits;
}

/** A shard's number: 0, 1, 2… */
function shardNumber(option: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d{1,4}$/.test(value)) throw new InputError(`${option} must be a shard number (0, 1, 2…), not "${value}"`);
  return Number(value);
}

function snapshotArguments(
  from: string | undefined,
  save: string | undefined,
  account: string | undefined,
  apiEndpoint: string | undefined,
  shard: number | undefined,
): SnapshotArguments | undefined {
  if (from !== undefined && save !== undefined)
    throw new InputError('--snapshot reads a snapshot and --save-snapshot writes one: give one of them');
  if (from !== undefined && apiEndpoint !== undefined)
    throw new InputError('--snapshot is checked offline: --api-endpoint has nothing to do');
  if (account !== undefined && !ACCOUNT_NAME.test(account))
    throw new InputError(`--account must be a name of letters, digits, ".", "_" and "-" (at most 63), not "${account}"`);
  if (from === undefined && save === undefined && account === undefined && shard === undefined) return undefined;
  return {
    ...(from !== undefined ? { from } : {}),
    ...(save !== undefined ? { save } : {}),
    ...(account !== undefined ? { account } : {}),
    ...(shard !== undefined ? { shard } : {}),
  };
}

/** `--region a --region b,c` → `[a, b, c]`. */
function regionsOf(values: readonly string[]): string[] {
  return values
    .flatMap((r) => r.split(','))
    .map((r) => r.trim())
    .filter((r) => r !== '');
}
