import { describe, expect, it } from 'vitest';
import {
  fieldsOfTemplate,
  fieldsOfText,
  normalizePorts,
  peerOfText,
  ruleAction,
  serviceOfText,
} from '../../../src/sources/plan/ruleStrings.js';
import type { Resolved } from '../../../src/terraform/referenceResolver.js';

const alias = (id: string) => (id === 'sg-known' ? 'tencentcloud_security_group.known' : id);

describe('rule strings', () => {
  it('splits on # and reads the action case-insensitively', () => {
    expect(fieldsOfText('ACCEPT#10.0.0.0/8#80#TCP#a#b')).toEqual(['ACCEPT', '10.0.0.0/8', '80', 'TCP', 'a', 'b'].map((text) => ({ text })));
    expect([ruleAction('accept'), ruleAction(' DROP '), ruleAction('deny')]).toEqual(['ACCEPT', 'DROP', undefined]);
  });

  it('reads sources as CIDR, security group (by alias), address template or template group', () => {
    expect(['0.0.0.0/0', 'sg-known', 'sg-other', 'ipm-1', 'ipmg-2'].map((s) => peerOfText(s, alias))).toEqual([
      { kind: 'cidr', cidr: '0.0.0.0/0' },
      { kind: 'securityGroup', ref: 'tencentcloud_security_group.known' },
      { kind: 'securityGroup', ref: 'sg-other' },
      { kind: 'addressTemplate', ref: 'ipm-1' },
      { kind: 'addressTemplateGroup', ref: 'ipmg-2' },
    ]);
  });

  it('reads protocols with ports, empty or "all" ports as ALL, and protocol templates', () => {
    expect(serviceOfText('tcp', '80,443', alias)).toEqual({ kind: 'protocol', protocol: 'TCP', ports: '80,443' });
    expect(serviceOfText('', '', alias)).toEqual({ kind: 'protocol', protocol: 'ALL', ports: 'ALL' });
    expect(serviceOfText('ppm-1', 'ALL', alias)).toEqual({ kind: 'serviceTemplate', ref: 'ppm-1' });
    expect(serviceOfText('ppmg-2', 'ALL', alias)).toEqual({ kind: 'serviceTemplateGroup', ref: 'ppmg-2' });
    expect([normalizePorts('all'), normalizePorts(' 22 ')]).toEqual(['ALL', '22']);
  });

  it('splits a template on its literal #, keeps a one-interpolation field linked, and fills constants in', () => {
    const vip: Resolved = { kind: 'opaque', reason: 'stand-in for a VIP reference' };
    const resolve = (expression: string): Resolved[] =>
      expression === 'var.port'
        ? [{ kind: 'constant', value: 8080 }]
        : expression === 'count.index'
          ? [{ kind: 'constant', value: 3 }]
          : [vip];
    const fields = fieldsOfTemplate(
      [
        { literal: 'ACCEPT#' },
        { interpolation: 'clb.vip' },
        { literal: '#' },
        { interpolation: 'var.port' },
        { literal: '#TCP#r' },
        { interpolation: 'count.index' },
      ],
      resolve,
    );
    expect(fields).toEqual([{ text: 'ACCEPT' }, { items: [vip], source: 'clb.vip' }, { text: '8080' }, { text: 'TCP' }, { text: 'r3' }]);
    expect(fieldsOfTemplate([{ literal: 'ACCEPT#10.' }, { interpolation: 'x.y' }, { literal: '.0.0/16#ALL#ALL' }], resolve)[1]).toEqual({
      unknownReason: '${x.y} is known only after apply',
    });
  });
});
