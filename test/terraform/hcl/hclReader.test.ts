import { describe, expect, it } from 'vitest';
import { listElements, referencesIn, scanHcl, tokenize } from '../../../src/terraform/hcl/index.js';

const SOURCE = `# a comment with { a brace
/* a block comment
   resource "fake" "x" { */
resource "tencentcloud_security_group_rule_set" "web" {
  security_group_id = tencentcloud_security_group.web[0].id // trailing { comment
  ingress {
    action      = "ACCEPT"
    description = "braces } { and \\"quotes\\" in a string"
  }
  dynamic "egress" {
    for_each = var.rules
    content {
      action = egress.value.action
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
  ids = concat(tencentcloud_clb_listener.this.*.id, [""])[0]
  for = [for i in tencentcloud_instance.web : i.private_ip]
}
`;

describe('the HCL block scanner', () => {
  const file = scanHcl(SOURCE);

  it('finds resource blocks with their labels and first and last lines, not fooled by comments, strings or heredocs', () => {
    expect(file.blocks.map((b) => [b.type, ...b.labels, b.line, b.endLine])).toEqual([
      ['resource', 'tencentcloud_security_group_rule_set', 'web', 4, 21],
      ['resource', 'tencentcloud_vpc_acl', 'acl', 23, 29],
      ['locals', 30, 33],
    ]);
  });

  it('finds nested blocks, dynamic blocks and attributes with their lines', () => {
    const rule = file.blocks[0]!;
    expect(rule.blocks.map((b) => [b.type, b.labels.join(','), b.line, b.endLine])).toEqual([
      ['ingress', '', 6, 9],
      ['dynamic', 'egress', 10, 15],
    ]);
    expect([...rule.attributes.keys()]).toEqual(['security_group_id', 'tags', 'user_data']);
    expect(rule.attributes.get('user_data')).toMatchObject({ line: 17, endLine: 20 });
  });

  it('lists the elements of a list attribute on their own lines, with string templates split into parts', () => {
    const elements = listElements(file.blocks[1]!.attributes.get('ingress')!.tokens)!;
    expect(elements.map((e) => e.line)).toEqual([25, 27, 27]);
    expect(elements[0]!.template).toEqual([
      { literal: 'ACCEPT#' },
      { interpolation: 'tencentcloud_clb_instance.web.clb_vips[0]' },
      { literal: '#80#TCP' },
    ]);
    expect(elements[2]!.template).toEqual([{ literal: 'ACCEPT#10.0.0.0/8#ALL#ALL' }]);
  });

  it('is not a plain list when the value is a for expression', () => {
    expect(listElements(file.blocks[2]!.attributes.get('for')!.tokens)).toBeUndefined();
  });

  it('reads the references of an expression, in strings and heredocs too, but not function names or for variables', () => {
    const rule = file.blocks[0]!;
    expect(referencesIn(rule.attributes.get('security_group_id')!.tokens)).toEqual(['tencentcloud_security_group.web[0].id']);
    expect(referencesIn(rule.attributes.get('user_data')!.tokens)).toEqual(['tencentcloud_instance.web.private_ip']);
    expect(referencesIn(file.blocks[2]!.attributes.get('ids')!.tokens)).toEqual(['tencentcloud_clb_listener.this']);
    expect(referencesIn(file.blocks[2]!.attributes.get('for')!.tokens)).toEqual(['tencentcloud_instance.web', 'i.private_ip']);
  });

  it('decodes escapes and keeps $${ as a literal', () => {
    const [token] = tokenize('"a\\"b\\n$${x}\\u00e9"');
    expect(token).toMatchObject({ kind: 'string', parts: [{ literal: 'a"b\n${x}é' }] });
  });

  it('never throws on broken input and keeps what it could read', () => {
    for (const broken of [
      'resource "a" "b" {',
      'resource "a" "b" { x = "unterminated\n}',
      '}}} resource "a" "b" { }',
      'x = <<EOT\nno end',
      '"${',
      '',
    ]) {
      expect(() => scanHcl(broken)).not.toThrow();
    }
    expect(scanHcl('}\nresource "a" "b" {\n}\n').blocks.map((b) => b.labels)).toEqual([['a', 'b']]);
  });
});

describe('the HCL reader on broken input and heredocs', () => {
  it('keeps the blocks after a stray brace at the top of a file or an error inside a block, and never throws', () => {
    const outline = (source: string) =>
      scanHcl(source).blocks.map((b) => [b.type, ...b.labels, b.line, b.endLine, [...b.attributes.keys()]]);
    // tree-sitter would let a stray `}` swallow every block after it: the reader blanks it and reads again.
    expect(outline('}\nresource "a" "b" {\n}\n')).toEqual([['resource', 'a', 'b', 2, 3, []]]);
    expect(outline('}}} resource "a" "b" { }')).toEqual([['resource', 'a', 'b', 1, 1, []]]);
    expect(outline('resource "a" "b" {')).toEqual([['resource', 'a', 'b', 1, 1, []]]);
    expect(outline('resource "a" "b" {\n  x = 1 +\n}\nresource "c" "d" {\n  y = 2\n}\n')).toEqual([
      ['resource', 'a', 'b', 1, 3, ['x']],
      ['resource', 'c', 'd', 4, 6, ['y']],
    ]);
    for (const broken of ['resource "a" "b" { x = "unterminated\n}', 'x = <<EOT\nno end', '"${', '', '{{{{', 'x = "\\q"'])
      expect(() => scanHcl(broken)).not.toThrow();
  });

  it('reads heredoc escapes and strip markers as Terraform does', () => {
    const heredoc = (source: string) => {
      const [token] = scanHcl(source).attributes.get('x')!.tokens;
      return token?.kind === 'string' ? token.parts : undefined;
    };
    expect(heredoc('x = <<EOT\n  a $${b} ${c}\nEOT\n')).toEqual([{ literal: '  a ${b} ' }, { interpolation: 'c' }, { literal: '\n' }]);
    expect(heredoc('x = <<-EOT\n  a ${~ c ~}\n  EOT\n')).toEqual([{ literal: '  a ' }, { interpolation: 'c' }, { literal: '\n' }]);
  });
});
