import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { topLevelBlockHeads } from '../../../src/terraform/hcl/blockHeads.js';
import { type HclBlock, loadHclParser, scanHcl } from '../../../src/terraform/hcl/index.js';

const repoRoot = join(import.meta.dirname, '..', '..', '..');

/** Every `.tf` file of the repository's fixtures and examples. */
function tfFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' || entry.name.startsWith('.') ? [] : tfFiles(path);
    return entry.name.endsWith('.tf') ? [path] : [];
  });
}

const heads = (text: string) => topLevelBlockHeads(text)?.map((h) => [h.type, ...h.labels]);
const parsed = (text: string) => scanHcl(text).blocks.map((b) => [b.type, ...b.labels]);

const TRICKY = `# resource "commented" "out" {
/* module "in_a_comment" {
   resource "also" "out" { */
resource "tencentcloud_instance" "web" {
  user_data = <<-EOT
    resource "in_a" "heredoc" {
    } }
  EOT
  name = "braces } { and \\"quotes\\" and $\${literal} in a string"
  tags = { for k, v in var.tags : k => "\${upper("}")}-\${v}" }
  dynamic "ingress" {
    for_each = var.rules
    content { action = ingress.value.action }
  }
  provisioner "local-exec" { command = "echo" }
}
module "net" { source = "./net" }
data tencentcloud_images ubuntu {
  filters = [
    "a", # a comment ] with a bracket
    "b",
  ]
}
locals {}
`;

describe('top-level block heads from a character scan', () => {
  beforeAll(async () => {
    await loadHclParser();
  });

  it('finds the heads the full parse finds, not fooled by comments, heredocs, strings or nested blocks', () => {
    expect(heads(TRICKY)).toEqual([
      ['resource', 'tencentcloud_instance', 'web'],
      ['module', 'net'],
      ['data', 'tencentcloud_images', 'ubuntu'],
      ['locals'],
    ]);
    expect(heads(TRICKY)).toEqual(parsed(TRICKY));
  });

  it.each([
    ['an escape in a label', 'resource "a\\u0062" "c" {\n}\n'],
    ['an interpolation in a label', 'resource "a${x}" "c" {\n}\n'],
    ['an unclosed block', 'resource "a" "b" {\n  x = 1\n'],
    ['an unterminated string', 'resource "a" "b" {\n  x = "1\n}\n'],
    ['an unclosed heredoc', 'resource "a" "b" {\n  x = <<EOT\n  y\n}\n'],
    ['an unclosed comment', 'resource "a" "b" {\n}\n/* module "m" {\n'],
    ['a statement that is neither an attribute nor a block', 'resource "a" "b" {\n  x "1"\n}\n'],
    ['a stray closing brace', '}\nresource "a" "b" {\n}\n'],
    ['mismatched brackets', 'resource "a" "b" {\n  x = [1)\n}\n'],
  ])('leaves %s to the full parse', (_name, text) => {
    expect(topLevelBlockHeads(text)).toBeUndefined();
  });

  it('agrees with the full parse on every .tf file in the repository, with Windows line ends too', () => {
    const files = [...tfFiles(join(repoRoot, 'test')), ...tfFiles(join(repoRoot, 'examples'))];
    expect(files.length).toBeGreaterThan(10);
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      for (const variant of [text, text.replaceAll('\n', '\r\n')]) {
        const found = heads(variant);
        expect(found, file).toBeDefined();
        expect(found, file).toEqual(parsed(variant));
      }
    }
  });

  it('lets a parse skip blocks and read the others exactly as the full parse does, lines included', () => {
    const files = [...tfFiles(join(repoRoot, 'test')), ...tfFiles(join(repoRoot, 'examples'))];
    const read = (blocks: readonly HclBlock[]) =>
      JSON.stringify(blocks, (_key, value: unknown) => (value instanceof Map ? [...value.entries()] : value));
    let skippedSome = false;
    for (const file of [...files, 'tricky.tf']) {
      const text = file === 'tricky.tf' ? TRICKY : readFileSync(file, 'utf8');
      const heads = topLevelBlockHeads(text)!;
      const skip = heads.filter((head) => head.type !== 'resource' && head.type !== 'locals');
      skippedSome ||= skip.length > 0;
      const kept = scanHcl(text, skip).blocks;
      expect(read(kept), file).toEqual(read(scanHcl(text).blocks.filter((b) => b.type === 'resource' || b.type === 'locals')));
    }
    expect(skippedSome).toBe(true);
  });

  it('reads the whole file when what is left after skipping does not parse cleanly', () => {
    const text = 'module "m" {\n  source = "./m"\n}\nresource "a" "b" {\n  x = (1 +\n}\n';
    const skip = [{ start: 0, end: text.indexOf('}') + 1 }];
    expect(scanHcl(text, skip)).toEqual(scanHcl(text));
  });
});
