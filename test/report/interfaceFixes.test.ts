import { describe, expect, it } from 'vitest';
import { checkInventory } from '../../src/check/checkInventory.js';
import type { NetworkInterface } from '../../src/model/instance.js';
import type { Inventory } from '../../src/model/inventory.js';
import { builtinPolicies } from '../../src/policy/policyLoader.js';
import { renderJson } from '../../src/report/jsonReport.js';
import { renderMarkdown } from '../../src/report/markdown.js';
import { renderText } from '../../src/report/textReport.js';
import { scenario } from '../policy/scenario.js';
import { expectValidReport } from './reportSchema.js';

const policies = builtinPolicies()
  .flatMap((s) => s.policies)
  .map((policy) => ({ policy, severity: policy.severity, params: new Map(), source: 'builtin' }));
const check = (inventory: Inventory) =>
  checkInventory(inventory, { policies, exceptions: [] }, { today: '2026-12-01', target: { planFile: 'plan.json' } });

/**
 * `web` (primary interface in `sg`) with two secondary ENIs, as a plan writes them: `tencentcloud_eni.app`
 * lists the ACCEPT-all group before the block list, `tencentcloud_eni.bare` has no group.
 */
function inventory(): Inventory {
  const built = scenario(['ACCEPT 10.0.0.0/8 TCP 22'])
    .sg('allow', ['ACCEPT 0.0.0.0/0 TCP 8443'])
    .sg('block', ['DROP 45.33.0.0/16 TCP 8443'])
    .build();
  const eni = (key: string, groups: string[], line: number): NetworkInterface => ({
    key,
    primary: false,
    instance: 'web',
    privateIps: [`10.0.1.${line}`],
    subnet: 'subnet',
    securityGroups: groups,
    provenance: { address: key, type: 'tencentcloud_eni', location: { file: 'main.tf', line } },
  });
  const nics = built.networkInterfaces as Map<string, NetworkInterface>;
  nics.set('tencentcloud_eni.app', eni('tencentcloud_eni.app', ['allow', 'block'], 90));
  nics.set('tencentcloud_eni.bare', eni('tencentcloud_eni.bare', [], 95));
  return built;
}

const fixesOf = (json: string) =>
  JSON.parse(json).fixes as { id: string; text: string; resource?: string; hcl?: string; api?: { action: string } }[];

describe('fixes on a secondary ENI name the ENI, in every format', () => {
  const report = check(inventory());
  const json = renderJson(report);

  it('the report with both fixes matches schema/report.schema.json', () => {
    expectValidReport(json, 'interface fixes');
  });

  it('the group order is changed on the ENI that holds the list, and the bare ENI gets a group', () => {
    const byResource = new Map(fixesOf(json).map((f) => [f.resource, f]));
    const reorder = byResource.get('tencentcloud_eni.app');
    expect(reorder?.text).toContain('orderly_security_groups of tencentcloud_eni.app (main.tf:90) (or the tencentcloud_eni_sg_attachment');
    expect(reorder?.api?.action).toBe('ModifyNetworkInterfaceAttribute');
    const bind = byResource.get('tencentcloud_eni.bare');
    expect(bind?.hcl).toContain('network_interface_ids = [tencentcloud_eni.bare.id]');
    expect(bind?.api?.action).toBe('AssociateNetworkInterfaceSecurityGroups');
    expect(json).not.toContain('ModifyInstancesAttribute');
    expect(json).not.toContain('DeleteSecurityGroupPolicies');
  });

  it('text and Markdown show the same ENI fixes', () => {
    const text = renderText(report, { color: false, explain: false });
    expect(text).toContain('Bind a security group that admits only what it serves to tencentcloud_eni.bare (main.tf:95)');
    expect(text).toContain('vpc AssociateNetworkInterfaceSecurityGroups');
    expect(text).toContain('vpc ModifyNetworkInterfaceAttribute');
    const md = renderMarkdown(report);
    expect(md).toContain('resource "tencentcloud_eni_sg_attachment" "bare"');
    expect(md).toContain('"NetworkInterfaceId"');
  });
});
