import type { Inventory } from '../model/inventory.js';
import { SensitiveText } from '../model/sensitiveText.js';
import { AddressSet } from '../net/addressSet.js';

/**
 * What the outputs of a check on this inventory must not show: the plan's sensitive values as
 * written, and each sensitive address as the engine prints it (`10.0.0.1/8` is described as
 * `10.0.0.0/8`, `2001:DB8::/32` as `2001:db8::/32`, `1.2.3.4/32` as `1.2.3.4`).
 */
export function sensitiveTextOf(inventory: Inventory | undefined): SensitiveText {
  const written = inventory?.sensitiveTexts ?? [];
  if (written.length === 0) return new SensitiveText([]);
  const forms = new Set(written);
  for (const text of written) {
    const addresses = AddressSet.parse(text);
    if (addresses === undefined || addresses.isEmpty()) continue;
    for (const cidr of addresses.toCidrs()) forms.add(cidr);
    forms.add(addresses.describe());
  }
  return new SensitiveText(forms);
}
