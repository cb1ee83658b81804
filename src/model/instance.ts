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
  /**
   * Set when the priority among `securityGroups` is not defined: they come from a Terraform set
   * (the deprecated `security_groups`, `tencentcloud_eni_sg_attachment.security_group_ids`), whose
   * array order is no order. Each group's own rules keep their order; the groups do not.
   */
  readonly securityGroupsUnordered?: boolean;
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
