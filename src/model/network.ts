import type { Provenance } from './provenance.js';
import type { Maybe } from './value.js';

/** Objects are referred to by their inventory key: a Terraform address in plan mode, a cloud
 * ID in live mode. A key that is not in the inventory is external (unknown to this check). */
export type Ref = string;

export interface Vpc {
  readonly key: Ref;
  readonly name?: string;
  readonly cidr: Maybe<string>;
  readonly provenance: Provenance;
}

export interface Subnet {
  readonly key: Ref;
  readonly name?: string;
  readonly vpc: Maybe<Ref>;
  readonly cidr: Maybe<string>;
  /** The network ACL bound to the subnet; `null` when none is bound (no ACL filtering). */
  readonly networkAcl: Maybe<Ref | null>;
  readonly provenance: Provenance;
}
