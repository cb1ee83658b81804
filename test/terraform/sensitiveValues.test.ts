import { describe, expect, it } from 'vitest';
import { SENSITIVE, SensitiveText, scrubbable } from '../../src/model/sensitiveText.js';
import { takeSensitiveValues } from '../../src/terraform/sensitiveValues.js';

describe('takeSensitiveValues', () => {
  it('keeps what can be scrubbed, to scrub; replaces what cannot (numbers, booleans, short or common words, rule strings)', () => {
    const after = {
      name: 'shop-secret',
      ingress: [
        { cidr_block: '0.0.0.0/0', port: '22', action: 'ACCEPT' },
        { cidr_block: '198.51.100.0/24', port: '8443', action: 'DROP', description: 'db', from_port: 5432, open: true },
      ],
      lite: ['ACCEPT#10.0.0.0/8#22#TCP'],
      tags: { owner: 'team-secret' },
      untouched: 'visible-value',
    };
    const plan = {
      resource_changes: [
        {
          change: {
            after,
            after_sensitive: {
              name: true,
              ingress: [{}, { cidr_block: true, port: true, action: true, description: true, from_port: true, open: true }],
              lite: true,
              tags: true,
              untouched: false,
            },
          },
        },
      ],
    };
    expect(takeSensitiveValues(plan).sort()).toEqual(['198.51.100.0/24', 'owner', 'shop-secret', 'team-secret']);
    expect(after.ingress[0]).toEqual({ cidr_block: '0.0.0.0/0', port: '22', action: 'ACCEPT' });
    expect(after.ingress[1]).toEqual({
      cidr_block: '198.51.100.0/24',
      port: SENSITIVE,
      action: SENSITIVE,
      description: SENSITIVE,
      from_port: SENSITIVE,
      open: SENSITIVE,
    });
    expect(after.lite).toEqual([SENSITIVE]);
    expect(after.untouched).toBe('visible-value');
  });

  it('reads before_sensitive, the sensitive_values of planned_values and prior_state (child modules too), and sensitive root variables', () => {
    const plan = {
      resource_changes: [
        { change: { before: { id: 'sg-before-secret' }, before_sensitive: { id: true }, after: null, after_sensitive: false } },
      ],
      planned_values: { root_module: { resources: [{ values: { name: 'planned-secret' }, sensitive_values: { name: true } }] } },
      prior_state: {
        values: {
          root_module: {
            child_modules: [{ resources: [{ values: { id: 'ins-prior-secret', port: 80 }, sensitive_values: { id: true, port: true } }] }],
          },
        },
      },
      variables: { token: { value: 'var-secret' }, region: { value: 'ap-guangzhou' }, port: { value: 22 } },
      configuration: { root_module: { variables: { token: { sensitive: true }, region: {}, port: { sensitive: true } } } },
    };
    expect(takeSensitiveValues(plan).sort()).toEqual(['ins-prior-secret', 'planned-secret', 'sg-before-secret', 'var-secret']);
    expect(plan.variables.port.value).toBe(SENSITIVE);
    expect(plan.prior_state.values.root_module.child_modules[0]!.resources[0]!.values.port).toBe(SENSITIVE);
    expect(plan.variables.region.value).toBe('ap-guangzhou');
  });

  it('a plan without sensitive values is left as it is', () => {
    const plan = { resource_changes: [{ change: { after: { port: 22, name: 'web' }, after_sensitive: { tags: {}, targets: [{}] } } }] };
    const before = JSON.stringify(plan);
    expect(takeSensitiveValues(plan)).toEqual([]);
    expect(JSON.stringify(plan)).toBe(before);
    expect(takeSensitiveValues('not a plan')).toEqual([]);
  });
});

describe('SensitiveText', () => {
  it('scrubs values of 4 or more characters exactly as written, longest first; never the words and ports every report prints', () => {
    expect(['45.33.0.0/16', 'ins-1234', '::/0', 'SECRETDESC'].every(scrubbable)).toBe(true);
    expect(
      ['web', 'DROP', 'accept', 'TCP', 'ICMPv6', '8443', '80,443', '8000-8010', 'ACCEPT#0.0.0.0/0#22#TCP', SENSITIVE].some(scrubbable),
    ).toBe(false);
    const sensitive = new SensitiveText(['web-secret', 'web-secret-0', 'a.b', '22']);
    expect(sensitive.texts).toEqual(['web-secret-0', 'web-secret']);
    expect(sensitive.redact('web-secret-0 and web-secret on a.b:22')).toBe(`${SENSITIVE} and ${SENSITIVE} on a.b:22`);
    expect(sensitive.touches('x web-secret y')).toBe(true);
    expect(sensitive.touches('nothing here')).toBe(false);
  });

  it('redacts every string and key of a JSON value, and gives back the same objects where nothing changed', () => {
    const sensitive = new SensitiveText(['hidden-name']);
    const clean = { a: [1, 'plain'], b: { c: true } };
    const value = { clean, list: ['hidden-name-x', 2], map: { 'hidden-name': 'y' } };
    const out = sensitive.redactDeep(value);
    expect(out).toEqual({ clean, list: [`${SENSITIVE}-x`, 2], map: { [SENSITIVE]: 'y' } });
    expect(out.clean).toBe(clean);
    expect(new SensitiveText([]).redactDeep(value)).toBe(value);
  });
});
