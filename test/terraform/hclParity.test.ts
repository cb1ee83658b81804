import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import * as handWritten from '../../src/terraform/hclScanner.js';
import * as treeSitter from '../../src/terraform/hcl/index.js';

/**
 * The tree-sitter reader must give what the hand-written scanner gives — the same blocks,
 * labels, lines, attributes and tokens — on every `.tf` the project has, before it replaces it.
 */
const repo = join(import.meta.dirname, '..', '..');
const roots = [join(repo, 'test', 'fixtures'), join(repo, 'examples'), join(repo, 'test'), join(repo, '..', 'shared', 'fixtures')];

function tfFiles(dir: string, found: Set<string>): Set<string> {
  if (!existsSync(dir)) return found;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory() && entry.name !== 'node_modules' && entry.name !== '.terraform') tfFiles(path, found);
    else if (entry.isFile() && entry.name.endsWith('.tf')) found.add(path);
  }
  return found;
}

const files = [...roots.reduce((found, root) => tfFiles(root, found), new Set<string>())].sort();

/** Every interpolation text in a file's tokens, to compare the two tokenizers on expressions alone. */
function interpolations(block: handWritten.HclBlock): string[] {
  const found: string[] = [];
  const fromTokens = (tokens: readonly handWritten.HclToken[]) => {
    for (const token of tokens)
      if (token.kind === 'string') for (const part of token.parts) if ('interpolation' in part) found.push(part.interpolation);
  };
  for (const attribute of block.attributes.values()) fromTokens(attribute.tokens);
  for (const inner of block.blocks) found.push(...interpolations(inner));
  return found;
}

/** The constructs that confuse a naive reader, in one file. */
const CONSTRUCTS = `# a comment with { a brace
/* a block comment
   resource "fake" "x" { */
resource "tencentcloud_security_group_rule_set" "web" {
  security_group_id = tencentcloud_security_group.web[0].id // trailing { comment
  ingress {
    action      = "ACCEPT"
    description = "braces } { and \\"quotes\\" in a string \\u00e9 $\${x}"
  }
  dynamic "egress" {
    for_each = var.rules
    iterator = rule
    content {
      action = rule.value.action
    }
  }
  tags = { team = "a", "b" = "\${upper("x}")}" }
  user_data = <<-EOT
    } not a brace
    \${tencentcloud_instance.web.private_ip}
  EOT
}

resource "tencentcloud_vpc_acl" "acl" {
  ingress = [
    "ACCEPT#\${tencentcloud_clb_instance.web.clb_vips[0]}#80#TCP",
    # a comment between elements
    "DROP#0.0.0.0/0#ALL#ALL", "ACCEPT#10.0.0.0/8#ALL#ALL"
  ]
}
locals {
  ids    = concat(tencentcloud_clb_listener.this.*.id, [""])[0]
  for    = [for i in tencentcloud_instance.web : i.private_ip if i.id != ""]
  map    = { for k, v in var.m : k => v... }
  legacy = tencentcloud_instance.web.0.id
  calls  = provider::tencentcloud::cidr(-1.5e3, true ? null : [*])
  splat  = var.list[*].id
  tpl    = "%{ for p in var.ports ~}\${p},%{ endfor ~}"
  ok     = a == "" && b != "" || !c
}
module "app" {
  source = "./app"
}
`;

describe('the tree-sitter HCL reader against the hand-written scanner', () => {
  beforeAll(async () => {
    await treeSitter.loadHclParser();
  });

  it('has .tf files to compare', () => {
    expect(files.length).toBeGreaterThan(10);
  });

  it.each(files.map((file) => [relative(repo, file), file]))('%s: the same blocks, lines, attributes and tokens', (_, file) => {
    const source = readFileSync(file, 'utf8');
    const expected = handWritten.scanHcl(source);
    expect(treeSitter.scanHcl(source)).toEqual(expected);
    for (const text of interpolations(expected)) expect(treeSitter.tokenize(text)).toEqual(handWritten.tokenize(text));
  });

  it('reads comments, strings with braces, heredocs, dynamic blocks, splats, for expressions and provider functions alike', () => {
    const expected = handWritten.scanHcl(CONSTRUCTS);
    expect(expected.blocks.map((b) => b.type)).toEqual(['resource', 'resource', 'locals', 'module']);
    expect(treeSitter.scanHcl(CONSTRUCTS)).toEqual(expected);
    for (const text of interpolations(expected)) expect(treeSitter.tokenize(text)).toEqual(handWritten.tokenize(text));
    const acl = treeSitter.scanHcl(CONSTRUCTS).blocks[1]!.attributes.get('ingress')!;
    expect(treeSitter.listElements(acl.tokens)?.map((e) => e.line)).toEqual([26, 28, 28]);
    expect(treeSitter.referencesIn(acl.tokens)).toEqual(['tencentcloud_clb_instance.web.clb_vips[0]']);
  });

  it('keeps the same blocks after a stray brace at the top of a file or an error inside a block, and never throws on broken input', () => {
    for (const broken of [
      '}\nresource "a" "b" {\n}\n',
      '}}} resource "a" "b" { }',
      'resource "a" "b" {',
      'resource "a" "b" {\n  x = 1 +\n}\nresource "c" "d" {\n  y = 2\n}\n',
    ]) {
      const outline = (file: handWritten.HclBlock) =>
        file.blocks.map((b) => [b.type, ...b.labels, b.line, b.endLine, [...b.attributes.keys()]]);
      expect(outline(treeSitter.scanHcl(broken))).toEqual(outline(handWritten.scanHcl(broken)));
    }
    for (const broken of ['resource "a" "b" { x = "unterminated\n}', 'x = <<EOT\nno end', '"${', '', '{{{{', 'x = "\\q"'])
      expect(() => treeSitter.scanHcl(broken)).not.toThrow();
  });

  it('reads heredoc escapes and strip markers as Terraform does, where the hand-written scanner did not', () => {
    const heredoc = (source: string) => {
      const [token] = treeSitter.scanHcl(source).attributes.get('x')!.tokens;
      return token?.kind === 'string' ? token.parts : undefined;
    };
    expect(heredoc('x = <<EOT\n  a $${b} ${c}\nEOT\n')).toEqual([{ literal: '  a ${b} ' }, { interpolation: 'c' }, { literal: '\n' }]);
    expect(heredoc('x = <<-EOT\n  a ${~ c ~}\n  EOT\n')).toEqual([{ literal: '  a ' }, { interpolation: 'c' }, { literal: '\n' }]);
  });
});
