import { describe, expect, it } from 'vitest';
import { canonicalAddress, compareKeys, parseResourceAddress, parseTraversal } from '../../src/terraform/terraformAddress.js';

describe('Terraform addresses and references', () => {
  it('reads module paths, instance keys and data sources out of an address', () => {
    expect(parseResourceAddress('module.app["b"].module.db[0].tencentcloud_instance.web["x.y"]')).toEqual({
      module: [
        { name: 'app', key: 'b' },
        { name: 'db', key: 0 },
      ],
      mode: 'managed',
      type: 'tencentcloud_instance',
      name: 'web',
      key: 'x.y',
    });
    expect(parseResourceAddress('data.tencentcloud_images.all')).toEqual({
      module: [],
      mode: 'data',
      type: 'tencentcloud_images',
      name: 'all',
    });
    expect(parseResourceAddress('module.clb-instance')).toBeUndefined();
    expect(parseResourceAddress('tencentcloud_instance.web.id')).toBeUndefined();
  });

  it('spells an address one way, whatever quoting it was given', () => {
    expect(canonicalAddress('module.app["b"].tencentcloud_instance.web[0]')).toBe('module.app["b"].tencentcloud_instance.web[0]');
    expect(canonicalAddress('tencentcloud_instance.web["a\\"b"]')).toBe('tencentcloud_instance.web["a\\"b"]');
  });

  it('stops a reference at a splat or a computed index, keeping the part before it', () => {
    expect(parseTraversal('tencentcloud_clb_listener.this.*.id')).toEqual([{ name: 'tencentcloud_clb_listener' }, { name: 'this' }]);
    expect(parseTraversal('var.rules[count.index].port')).toEqual([{ name: 'var' }, { name: 'rules' }]);
    expect(parseTraversal('tencentcloud_clb_instance.web.clb_vips[0]')).toEqual([
      { name: 'tencentcloud_clb_instance' },
      { name: 'web' },
      { name: 'clb_vips' },
      { key: 0 },
    ]);
    expect(parseTraversal('1abc')).toBeUndefined();
  });

  it('orders count keys by number and for_each keys by text, as Terraform does', () => {
    expect([10, 2, 1].sort(compareKeys)).toEqual([1, 2, 10]);
    expect(['b', 'a', 'c'].sort(compareKeys)).toEqual(['a', 'b', 'c']);
  });
});
