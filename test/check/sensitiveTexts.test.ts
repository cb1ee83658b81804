import { describe, expect, it } from 'vitest';
import { sensitiveTextOf } from '../../src/check/sensitiveTexts.js';
import { emptyInventory } from '../../src/model/inventory.js';
import { SENSITIVE } from '../../src/model/sensitiveText.js';

describe('sensitiveTextOf', () => {
  it('scrubs a sensitive address as written and as the engine prints it', () => {
    const sensitive = sensitiveTextOf({ ...emptyInventory('plan'), sensitiveTexts: ['10.0.0.1/8', '2001:DB8::/32', '198.51.100.7/32'] });
    expect(sensitive.redact('admits 10.0.0.0/8, 2001:db8::/32 and 198.51.100.7 from 10.0.0.1/8')).toBe(
      `admits ${SENSITIVE}, ${SENSITIVE} and ${SENSITIVE} from ${SENSITIVE}`,
    );
    expect(sensitiveTextOf(emptyInventory('plan')).empty).toBe(true);
  });
});
