import { describe, expect, it } from 'vitest';
import { utf8Batches } from '../../src/report/utf8Batches.js';

const pieces = ['{\\n', 'plain ascii, ', 'an arrow → ', 'an emoji \u{1F600} ', 'Ωmega ', 'x'.repeat(40), '\\n}\\n'];

describe('UTF-8 batches of text pieces', () => {
  it.each([16, 64, 1 << 20])('are the UTF-8 of the joined pieces, in batches of at most %i bytes unless a piece is larger', (size) => {
    const batches = [...utf8Batches(pieces, size)];
    expect(Buffer.concat(batches).equals(Buffer.from(pieces.join(''), 'utf8'))).toBe(true);
    for (const batch of batches) {
      // Never a piece split in two: every batch is whole UTF-8 text on its own.
      expect(Buffer.from(Buffer.from(batch).toString('utf8'), 'utf8').equals(Buffer.from(batch))).toBe(true);
      const alone = pieces.some((p) => Buffer.from(p, 'utf8').equals(Buffer.from(batch)) && p.length * 3 > size);
      if (!alone) expect(batch.length).toBeLessThanOrEqual(size);
    }
  });

  it('joins small pieces into few batches', () => {
    const many = Array.from({ length: 1000 }, (_, i) => `piece ${i} → `);
    const batches = [...utf8Batches(many, 4096)];
    expect(batches.length).toBeLessThan(10);
    expect(Buffer.concat(batches).toString('utf8')).toBe(many.join(''));
  });

  it('gives every batch a buffer of its own, so that a stream may keep one queued', () => {
    const batches = [...utf8Batches(['a'.repeat(10), 'b'.repeat(10), 'c'.repeat(10)], 32)];
    // Read after the last one was made: a reused buffer would show the last piece in all three.
    expect(batches.map((b) => Buffer.from(b).toString())).toEqual(['a'.repeat(10), 'b'.repeat(10), 'c'.repeat(10)]);
  });

  it('gives nothing for nothing', () => {
    expect([...utf8Batches([])]).toEqual([]);
    expect([...utf8Batches([''])]).toEqual([]);
  });
});
