/** Where something came from, so a finding can point at it. */
export interface SourceLocation {
  /** Path relative to the repository root (plan mode) or to the config file (live mode). */
  readonly file: string;
  readonly line: number;
  readonly endLine?: number;
}

export interface Provenance {
  /** Terraform address (`module.app.tencentcloud_instance.web[0]`) or cloud ID (`ins-abc`). */
  readonly address: string;
  /** The cloud ID when known (plan mode: from prior state; live mode: same as address). */
  readonly cloudId?: string;
  /** Resource type: `tencentcloud_instance` in plan mode, `CVM` etc. in live mode. */
  readonly type?: string;
  /** Path inside the resource for a part of it, e.g. `ingress[2]` of a rule set. */
  readonly path?: string;
  readonly location?: SourceLocation;
  /** A console page for the object (live mode). */
  readonly consoleUrl?: string;
}
