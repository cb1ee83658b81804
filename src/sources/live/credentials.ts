import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { Client as StsClient } from 'tencentcloud-sdk-nodejs/tencentcloud/services/sts/v20180813/sts_client.js';
import { InputError } from '../../errors/inputError.js';
import { redactSecrets } from './callScheduler.js';
import { type ApiCredential, apiAgent, parseApiEndpoint, sanitizeCallError } from './tencentApi.js';

export interface CredentialSource {
  readonly describe: string;
  get(): Promise<ApiCredential>;
  /** Values to keep out of logs, reports and error messages. */
  secrets(): string[];
}

export interface OidcOptions {
  readonly roleArn: string;
  readonly providerId: string;
  /** The runner's ID token (GitHub Actions: core.getIDToken). */
  readonly idToken: () => Promise<string>;
  readonly durationSeconds?: number;
}

/**
 * Where credentials come from, in order: a profile named with `--profile`; the environment (the
 * SDK's, Terraform's and tccli's names for the token all work); OIDC from GitHub Actions; the
 * `[default]` profile of the credentials file (`TENCENTCLOUD_CREDENTIALS_FILE`, else
 * `~/.tencentcloud/credentials`). With `roleArn` (and no OIDC) those credentials assume the role
 * through STS AssumeRole, and the scan signs with the role's temporary keys. None: one line, exit 2.
 */
export async function resolveCredentials(
  env: Readonly<Record<string, string | undefined>>,
  options: {
    oidc?: OidcOptions;
    apiEndpoint?: string;
    profileFile?: string;
    profile?: string;
    roleArn?: string;
    onSecret?: (secret: string) => void;
  } = {},
): Promise<CredentialSource> {
  const onSecret = options.onSecret ?? (() => {});
  const file = options.profileFile ?? env.TENCENTCLOUD_CREDENTIALS_FILE ?? join(homedir(), '.tencentcloud', 'credentials');
  if (options.profile !== undefined) {
    if (options.oidc) throw new InputError('--profile and OIDC exclude each other: OIDC needs no stored keys');
    const named = readProfile(file, options.profile);
    if (typeof named === 'string') throw new InputError(named);
    return assumed(
      {
        describe: `the credentials profile [${options.profile}]`,
        get: async () => named,
        secrets: () => [named.secretKey, ...(named.token ? [named.token] : [])],
      },
      options,
      onSecret,
    );
  }
  const fromEnv = fromEnvironment(env);
  if (fromEnv) return assumed(fromEnv, options, onSecret);
  if (options.oidc) {
    const source = oidcCredentials(options.oidc, options.apiEndpoint, onSecret);
    // Exchanged now: a refusal is one line before any API call, not a scan of failed calls.
    await source.get();
    return source;
  }
  const profile = readProfile(file, 'default');
  if (typeof profile !== 'string') {
    return assumed(
      {
        describe: 'the credentials profile',
        get: async () => profile,
        secrets: () => [profile.secretKey, ...(profile.token ? [profile.token] : [])],
      },
      options,
      onSecret,
    );
  }
  throw new InputError(
    'no Tencent Cloud credentials: set TENCENTCLOUD_SECRET_ID and TENCENTCLOUD_SECRET_KEY, use role-arn and oidc-provider-id in GitHub Actions, or a ~/.tencentcloud/credentials profile',
  );
}

function fromEnvironment(env: Readonly<Record<string, string | undefined>>): CredentialSource | undefined {
  const secretId = env.TENCENTCLOUD_SECRET_ID?.trim();
  const secretKey = env.TENCENTCLOUD_SECRET_KEY?.trim();
  const token = (env.TENCENTCLOUD_SESSION_TOKEN ?? env.TENCENTCLOUD_SECURITY_TOKEN ?? env.TENCENTCLOUD_TOKEN)?.trim() || undefined;
  if (secretId && secretKey) {
    const credential: ApiCredential = { secretId, secretKey, ...(token ? { token } : {}) };
    return { describe: 'environment variables', get: async () => credential, secrets: () => [secretKey, ...(token ? [token] : [])] };
  }
  if (secretId || secretKey) throw new InputError('set both TENCENTCLOUD_SECRET_ID and TENCENTCLOUD_SECRET_KEY (only one is set)');
  return undefined;
}

/** The source itself, or, with a role ARN, the role it assumes (checked now: a refusal is one line before any scan). */
async function assumed(
  base: CredentialSource,
  options: { roleArn?: string; apiEndpoint?: string; oidc?: OidcOptions },
  onSecret: (s: string) => void,
): Promise<CredentialSource> {
  if (options.roleArn === undefined) return base;
  const source = roleCredentials(base, options.roleArn, options.apiEndpoint, onSecret);
  await source.get();
  return source;
}

/**
 * One profile of an INI credentials file (`[name]`, `secret_id = …`, `secret_key = …`,
 * optional `token = …`; `#` and `;` start comments). A string says why there is none.
 */
function readProfile(path: string, name: string): ApiCredential | string {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return `cannot read the credentials file ${path} for the profile [${name}]`;
  }
  const sections = new Map<string, Map<string, string>>();
  let current: Map<string, string> | undefined;
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#') || line.startsWith(';')) continue;
    const header = /^\[\s*([^\]]+?)\s*\]$/.exec(line);
    if (header) {
      current = sections.get(header[1]!) ?? new Map<string, string>();
      sections.set(header[1]!, current);
      continue;
    }
    const pair = /^([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(\S+)$/.exec(line);
    if (pair && current) current.set(pair[1]!, pair[2]!);
  }
  const section = sections.get(name);
  if (section === undefined) {
    const names = [...sections.keys()];
    return `the credentials file ${path} has no profile [${name}]${names.length > 0 ? ` (it has ${names.map((n) => `[${n}]`).join(', ')})` : ''}`;
  }
  const secretId = section.get('secret_id');
  const secretKey = section.get('secret_key');
  const token = section.get('token');
  return secretId && secretKey
    ? { secretId, secretKey, ...(token ? { token } : {}) }
    : `the profile [${name}] in ${path} lacks secret_id or secret_key`;
}

/** An STS client that follows `--api-endpoint` and never follows redirects. */
function stsClient(apiEndpoint: string | undefined, credential: StsClientCredential): StsClient {
  const target = apiEndpoint ? parseApiEndpoint(apiEndpoint) : undefined;
  return new StsClient({
    credential,
    region: 'ap-guangzhou',
    profile: {
      httpProfile: {
        reqTimeout: 30,
        agent: apiAgent(target?.protocol ?? 'https://'),
        ...(target ? { endpoint: target.host, protocol: target.protocol } : {}),
      },
    },
  });
}
type StsClientCredential = ConstructorParameters<typeof StsClient>[0]['credential'];

/** The temporary keys of an STS answer, or one line saying it lacks them. */
function temporaryKeys(response: unknown, what: string, action: string): { credential: ApiCredential; expires: number } {
  const answer = (typeof response === 'object' && response !== null ? response : {}) as Record<string, unknown>;
  const creds = answer.Credentials as Record<string, unknown> | undefined;
  const text = (v: unknown) => (typeof v === 'string' && v !== '' ? v : undefined);
  const id = text(creds?.TmpSecretId);
  const key = text(creds?.TmpSecretKey);
  const token = text(creds?.Token);
  const expiredTime = Number(answer.ExpiredTime);
  if (id === undefined || key === undefined || token === undefined || !Number.isFinite(expiredTime))
    throw new InputError(`${what}: STS answered ${action} without complete temporary credentials`);
  return { credential: { secretId: id, secretKey: key, token }, expires: expiredTime * 1000 };
}

/**
 * Temporary credentials from an exchange, renewed before they expire. One exchange at a time
 * however many calls ask at once. A refusal is final: it is remembered and given again, never
 * retried (the same token or keys and role would be refused again).
 */
function renewed(
  describe: string,
  exchange: (seen: string[]) => Promise<{ credential: ApiCredential; expires: number }>,
  onSecret: (s: string) => void,
  baseSecrets: () => readonly string[] = () => [],
): CredentialSource {
  let current: { credential: ApiCredential; expires: number } | undefined;
  let pending: Promise<ApiCredential> | undefined;
  let refused: InputError | undefined;
  const seen: string[] = [];
  return {
    describe,
    secrets: () => [...baseSecrets(), ...seen],
    async get() {
      if (refused) throw refused;
      if (current && current.expires - Date.now() > 300_000) return current.credential;
      pending ??= exchange(seen)
        .then((fresh) => {
          for (const secret of [fresh.credential.secretKey, fresh.credential.token ?? '']) {
            if (secret === '') continue;
            onSecret(secret);
            seen.push(secret);
          }
          current = fresh;
          return fresh.credential;
        })
        .catch((error: unknown) => {
          if (error instanceof InputError) refused = error;
          throw error;
        })
        .finally(() => {
          pending = undefined;
        });
      return pending;
    },
  };
}

/** STS AssumeRole signed with the given credentials (`--role-arn`). */
function roleCredentials(
  base: CredentialSource,
  roleArn: string,
  apiEndpoint: string | undefined,
  onSecret: (s: string) => void,
): CredentialSource {
  const sts = stsClient(apiEndpoint, { getCredential: () => base.get() } as StsClientCredential);
  return renewed(
    `role ${roleArn} (assumed with ${base.describe})`,
    async (seen) => {
      let response: unknown;
      try {
        response = await sts.request('AssumeRole', { RoleArn: roleArn, RoleSessionName: 'clb-guard', DurationSeconds: 3600 });
      } catch (error) {
        if (error instanceof InputError) throw error;
        const failure = sanitizeCallError(error);
        const reason = redactSecrets(failure.code ?? failure.reason, [...base.secrets(), ...seen]);
        throw new InputError(
          failure.code !== undefined ? `--role-arn: STS refused AssumeRole: ${reason}` : `--role-arn: STS AssumeRole failed: ${reason}`,
        );
      }
      return temporaryKeys(response, '--role-arn', 'AssumeRole');
    },
    onSecret,
    () => base.secrets(),
  );
}

/** STS AssumeRoleWithWebIdentity with the runner's ID token. */
function oidcCredentials(oidc: OidcOptions, apiEndpoint: string | undefined, onSecret: (s: string) => void): CredentialSource {
  const sts = stsClient(apiEndpoint, {});
  return renewed(
    `OIDC role ${oidc.roleArn}`,
    async (seen) => {
      let webIdentityToken: string;
      try {
        webIdentityToken = await oidc.idToken();
      } catch {
        throw new InputError('OIDC: the runner gave no ID token (does the job have `permissions: id-token: write`?)');
      }
      onSecret(webIdentityToken);
      seen.push(webIdentityToken);
      let response: unknown;
      try {
        response = await sts.request(
          'AssumeRoleWithWebIdentity',
          {
            ProviderId: oidc.providerId,
            WebIdentityToken: webIdentityToken,
            RoleArn: oidc.roleArn,
            RoleSessionName: 'clb-guard',
            DurationSeconds: oidc.durationSeconds ?? 7200,
          },
          { skipSign: true },
        );
      } catch (error) {
        const failure = sanitizeCallError(error);
        const reason = redactSecrets(failure.code ?? failure.reason, seen);
        throw new InputError(
          failure.code !== undefined
            ? `OIDC: STS refused AssumeRoleWithWebIdentity: ${reason}`
            : `OIDC: STS AssumeRoleWithWebIdentity failed: ${reason}`,
        );
      }
      return temporaryKeys(response, 'OIDC', 'AssumeRoleWithWebIdentity');
    },
    onSecret,
  );
}
