import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { Client as StsClient } from 'tencentcloud-sdk-nodejs/tencentcloud/services/sts/v20180813/sts_client.js';
import { InputError } from '../../errors/inputError.js';
import { redactSecrets } from './callScheduler.js';
import { apiAgent, parseApiEndpoint, sanitizeCallError, type ApiCredential } from './tencentApi.js';

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
 * Where credentials come from, in order: the environment (the SDK's, Terraform's and tccli's
 * names for the token all work), OIDC from GitHub Actions, the profile file. None: one line, exit 2.
 */
export async function resolveCredentials(
  env: Readonly<Record<string, string | undefined>>,
  options: { oidc?: OidcOptions; apiEndpoint?: string; profileFile?: string; onSecret?: (secret: string) => void } = {},
): Promise<CredentialSource> {
  const onSecret = options.onSecret ?? (() => {});
  const secretId = env.TENCENTCLOUD_SECRET_ID?.trim();
  const secretKey = env.TENCENTCLOUD_SECRET_KEY?.trim();
  const token = (env.TENCENTCLOUD_SESSION_TOKEN ?? env.TENCENTCLOUD_SECURITY_TOKEN ?? env.TENCENTCLOUD_TOKEN)?.trim() || undefined;
  if (secretId && secretKey) {
    const credential: ApiCredential = { secretId, secretKey, ...(token ? { token } : {}) };
    return { describe: 'environment variables', get: async () => credential, secrets: () => [secretKey, ...(token ? [token] : [])] };
  }
  if (secretId || secretKey) throw new InputError('set both TENCENTCLOUD_SECRET_ID and TENCENTCLOUD_SECRET_KEY (only one is set)');
  if (options.oidc) {
    const source = oidcCredentials(options.oidc, options.apiEndpoint, onSecret);
    // Exchanged now: a refusal is one line before any API call, not a scan of failed calls.
    await source.get();
    return source;
  }
  const profile = readProfile(options.profileFile ?? env.TENCENTCLOUD_CREDENTIALS_FILE ?? join(homedir(), '.tencentcloud', 'credentials'));
  if (profile) {
    return { describe: 'the credentials profile', get: async () => profile, secrets: () => [profile.secretKey, ...(profile.token ? [profile.token] : [])] };
  }
  throw new InputError('no Tencent Cloud credentials: set TENCENTCLOUD_SECRET_ID and TENCENTCLOUD_SECRET_KEY, use role-arn and oidc-provider-id in GitHub Actions, or a ~/.tencentcloud/credentials profile');
}

function readProfile(path: string): ApiCredential | undefined {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
  const section = /\[default\]([^[]*)/.exec(text)?.[1] ?? '';
  const value = (name: string) => new RegExp(`^\\s*${name}\\s*=\\s*(\\S+)\\s*$`, 'm').exec(section)?.[1];
  const secretId = value('secret_id');
  const secretKey = value('secret_key');
  const token = value('token');
  return secretId && secretKey ? { secretId, secretKey, ...(token ? { token } : {}) } : undefined;
}

/**
 * STS AssumeRoleWithWebIdentity with the runner's ID token, renewed before it expires. One
 * exchange at a time however many calls ask at once. A refusal is final: it is remembered and
 * given again, never retried (the same token and role would be refused again).
 */
function oidcCredentials(oidc: OidcOptions, apiEndpoint: string | undefined, onSecret: (s: string) => void): CredentialSource {
  const target = apiEndpoint ? parseApiEndpoint(apiEndpoint) : undefined;
  const sts = new StsClient({
    credential: {},
    region: 'ap-guangzhou',
    profile: { httpProfile: { reqTimeout: 30, agent: apiAgent(target?.protocol ?? 'https://'), ...(target ? { endpoint: target.host, protocol: target.protocol } : {}) } },
  });
  let current: { credential: ApiCredential; expires: number } | undefined;
  let pending: Promise<ApiCredential> | undefined;
  let refused: InputError | undefined;
  const seen: string[] = [];
  const exchange = async (): Promise<ApiCredential> => {
    let webIdentityToken: string;
    try {
      webIdentityToken = await oidc.idToken();
    } catch {
      throw new InputError('OIDC: the runner gave no ID token (does the job have `permissions: id-token: write`?)');
    }
    onSecret(webIdentityToken);
    seen.push(webIdentityToken);
    let response: Record<string, unknown>;
    try {
      response = (await sts.request(
        'AssumeRoleWithWebIdentity',
        { ProviderId: oidc.providerId, WebIdentityToken: webIdentityToken, RoleArn: oidc.roleArn, RoleSessionName: 'clb-guard', DurationSeconds: oidc.durationSeconds ?? 7200 },
        { skipSign: true },
      )) as Record<string, unknown>;
    } catch (error) {
      const failure = sanitizeCallError(error);
      const reason = redactSecrets(failure.code ?? failure.reason, seen);
      throw new InputError(failure.code !== undefined ? `OIDC: STS refused AssumeRoleWithWebIdentity: ${reason}` : `OIDC: STS AssumeRoleWithWebIdentity failed: ${reason}`);
    }
    const creds = (typeof response === 'object' && response !== null ? response.Credentials : undefined) as Record<string, unknown> | undefined;
    const text = (v: unknown) => (typeof v === 'string' && v !== '' ? v : undefined);
    const id = text(creds?.TmpSecretId);
    const key = text(creds?.TmpSecretKey);
    const token = text(creds?.Token);
    const expiredTime = Number(response?.ExpiredTime);
    if (id === undefined || key === undefined || token === undefined || !Number.isFinite(expiredTime)) {
      throw new InputError('OIDC: STS answered AssumeRoleWithWebIdentity without complete temporary credentials');
    }
    for (const secret of [key, token]) {
      onSecret(secret);
      seen.push(secret);
    }
    current = { credential: { secretId: id, secretKey: key, token }, expires: expiredTime * 1000 };
    return current.credential;
  };
  return {
    describe: `OIDC role ${oidc.roleArn}`,
    secrets: () => [...seen],
    async get() {
      if (refused) throw refused;
      if (current && current.expires - Date.now() > 300_000) return current.credential;
      pending ??= exchange()
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
