import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkPlan } from '../../src/check/index.js';
import { silentLogger } from '../../src/logging/logger.js';
import { diskTfFiles, findDeclaringDirectory, rootDeclarationsOf } from '../../src/terraform/terraformSources.js';
import { scanTfJson } from '../../src/terraform/tfJsonScanner.js';
import { groupsOfInstance, REPO_ROOT, readFixture } from '../sources/plan/inventoryText.js';

const FILE = 'test/fixtures/plans/tf-json-root/main.tf.json';

describe('a root module written as .tf.json (fixture tf-json-root)', () => {
  it('links each instance through its ${…} template to the one group its index picks', async () => {
    const inventory = await readFixture('tf-json-root', '.');
    expect([0, 1, 2, 3].map((i) => groupsOfInstance(inventory, `tencentcloud_instance.app[${i}]`))).toEqual([
      'tencentcloud_security_group.pool[0]',
      'tencentcloud_security_group.pool[1]',
      'tencentcloud_security_group.pool[0]',
      'tencentcloud_security_group.pool[1]',
    ]);
    expect(inventory.warnings).toEqual([]);
    expect(inventory.vpcs.get('tencentcloud_vpc.main')!.provenance.location).toEqual({ file: FILE, line: 5, endLine: 8 });
    const broken = inventory.securityGroups.get('tencentcloud_security_group.pool[1]')!;
    expect(broken.provenance.location).toEqual({ file: FILE, line: 19, endLine: 22 });
    expect(broken.ingress.rules.map((r) => r.provenance.location)).toEqual([{ file: FILE, line: 29, endLine: 34 }]);
    const targets = inventory.loadBalancers.get('tencentcloud_clb_instance.web')!.listeners.flatMap((l) => l.targets);
    expect(targets.map((t) => t.provenance.location?.line)).toEqual([79, 80, 81, 82]);
  });

  it("gives the findings on the instances' block in main.tf.json, with the plan's folder as tf-root by default", async () => {
    const report = await checkPlan({
      cwd: REPO_ROOT,
      logger: silentLogger,
      planFile: 'test/fixtures/plans/tf-json-root/plan.json',
      configFile: 'test/e2e/empty-config.json',
      today: '2026-11-24',
    });
    expect(
      report.findings
        .map(
          (f) =>
            `${f.status} ${f.policy} ${f.resource} ${f.location ? `${f.location.file}:${f.location.line}-${f.location.endLine}` : 'no location'}`,
        )
        .sort(),
    ).toEqual([
      `fail backend-allows-clients tencentcloud_instance.app[1] ${FILE}:39-49`,
      `fail backend-allows-clients tencentcloud_instance.app[3] ${FILE}:39-49`,
      `fail backend-allows-health-check tencentcloud_instance.app[1] ${FILE}:39-49`,
      `fail backend-allows-health-check tencentcloud_instance.app[3] ${FILE}:39-49`,
      `fail backend-allows-vip tencentcloud_instance.app[1] ${FILE}:39-49`,
      `fail backend-allows-vip tencentcloud_instance.app[3] ${FILE}:39-49`,
    ]);
    expect(report.warnings).toEqual([]);
  });
});

describe('scanning .tf.json', () => {
  const lines = (...rows: string[]) => rows.join('\n');

  it('finds resource, data and module blocks in the object and the list forms, each on the line of its name', () => {
    const file = scanTfJson(
      lines(
        '{',
        '  "resource": [',
        '    { "tencentcloud_vpc": { "a": { "cidr_block": "10.0.0.0/16" } } },',
        '    {',
        '      "tencentcloud_subnet": [',
        '        {',
        '          "b": {',
        '            "vpc_id": "${tencentcloud_vpc.a.id}"',
        '          }',
        '        }',
        '      ]',
        '    }',
        '  ],',
        '  "data": { "tencentcloud_images": { "ubuntu": {} } },',
        '  "module": {',
        '    "net": { "source": "./net" }',
        '  },',
        '  "locals": { "x": 1 },',
        '  "//": "a comment"',
        '}',
      ),
    );
    expect(file.blocks.map((b) => `${b.type} ${b.labels.join('.')} ${b.line}-${b.endLine}`)).toEqual([
      'resource tencentcloud_vpc.a 3-3',
      'resource tencentcloud_subnet.b 7-9',
      'data tencentcloud_images.ubuntu 14-14',
      'module net 16-16',
    ]);
    expect(file.blocks.every((b) => b.attributes.size === 0)).toBe(true);
  });

  it('finds nested blocks (a list of objects or one object) and dynamic blocks with their content, as the HCL scanner does', () => {
    const [ruleSet, attachment] = scanTfJson(
      lines(
        '{"resource": {',
        '  "tencentcloud_security_group_rule_set": {"r": {',
        '    "security_group_id": "${tencentcloud_security_group.g.id}",',
        '    "ingress": [',
        '      {"action": "ACCEPT", "port": "443"},',
        '      {',
        '        "action": "DROP"',
        '      }',
        '    ],',
        '    "egress": {"action": "ACCEPT"},',
        '    "depends_on": ["tencentcloud_security_group.g"],',
        '    "lifecycle": {"create_before_destroy": true}',
        '  }},',
        '  "tencentcloud_clb_attachment": {"t": {',
        '    "dynamic": {"targets": {',
        '      "for_each": "${tencentcloud_instance.web}",',
        '      "content": {"instance_id": "${targets.value.id}", "port": 80}',
        '    }}',
        '  }}',
        '}}',
      ),
    ).blocks;
    expect(ruleSet!.blocks.map((b) => `${b.type} ${b.line}-${b.endLine}`)).toEqual(['ingress 5-5', 'ingress 6-8', 'egress 10-10']);
    expect(attachment!.blocks.map((b) => `${b.type} ${b.labels.join('.')} ${b.line}-${b.endLine}`)).toEqual(['dynamic targets 15-18']);
    expect(attachment!.blocks[0]!.blocks.map((b) => `${b.type} ${b.line}`)).toEqual(['content 17']);
  });

  it('yields what it could read from broken or non-object JSON, without throwing', () => {
    expect(scanTfJson('').blocks).toEqual([]);
    expect(scanTfJson('[1, 2]').blocks).toEqual([]);
    expect(
      scanTfJson('{"resource": {"tencentcloud_vpc": {"a": {"name": "x"}}}, "module": {').blocks.map((b) => b.labels.join('.')),
    ).toEqual(['tencentcloud_vpc.a']);
  });
});

describe('.tf.json files in a folder', () => {
  it('are listed beside .tf files, and found by the tf-root search', () => {
    const root = mkdtempSync(join(tmpdir(), 'clb-guard-tfjson-'));
    mkdirSync(join(root, 'docs'));
    writeFileSync(join(root, 'docs', 'notes.json'), '{"resource": {"tencentcloud_vpc": {"main": {}}}}');
    mkdirSync(join(root, 'infra'));
    writeFileSync(
      join(root, 'infra', 'network.tf.json'),
      '{"resource": {"tencentcloud_vpc": {"main": {}}}, "module": {"app": {"source": "./app"}}}',
    );
    writeFileSync(join(root, 'infra', 'lb.tf'), 'resource "tencentcloud_clb_instance" "web" {}\n');
    expect(diskTfFiles.list(join(root, 'infra')).map((p) => p.slice(root.length + 1))).toEqual(['infra/lb.tf', 'infra/network.tf.json']);
    expect(diskTfFiles.list(join(root, 'docs'))).toEqual([]);
    const search = findDeclaringDirectory(
      root,
      rootDeclarationsOf(['tencentcloud_vpc.main', 'tencentcloud_clb_instance.web', 'module.app.tencentcloud_instance.x']),
    );
    expect(search).toMatchObject({ dir: join(root, 'infra'), declared: 3, filesScanned: 2 });
  });
});
