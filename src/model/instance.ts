import type { Ref } from './network.js';
import type { Provenance } from './provenance.js';
import type { Maybe } from './value.js';

export type OsFamily = 'linux' | 'windows';

/** A network interface: the unit security groups attach to. */
export interface NetworkInterface {
  readonly key: Ref;
  readonly primary: boolean;
  /** The instance it is attached to, when any. */
  readonly instance?: Ref;
  readonly privateIps: Maybe<readonly string[]>;
  readonly subnet: Maybe<Ref>;
  /** In priority order: the first group's rules are evaluated first. */
  readonly securityGroups: Maybe<readonly Ref[]>;
  readonly provenance: Provenance;
}

export interface Instance {
  readonly key: Ref;
  readonly name?: string;
  readonly os: Maybe<OsFamily>;
  readonly vpc: Maybe<Ref>;
  /** The primary interface first. */
  readonly interfaces: readonly NetworkInterface[];
  readonly provenance: Provenance;
}
