import { chmodSync, linkSync, lstatSync, mkdtempSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeReportFile } from '../../src/cli/reportFile.js';

const dir = () => mkdtempSync(join(tmpdir(), 'clb-guard-report-file-'));
const failed = (error: unknown) => new Error(`cannot write: ${(error as NodeJS.ErrnoException).code}`);

/** Pieces of a report whose rendering breaks after the first piece. */
function* breaksAfterFirst(): Generator<string> {
  yield '{"findings":[';
  throw new Error('a rendering bug');
}

describe('writeReportFile (--output)', () => {
  it('writes a new file whole, and leaves no temporary file beside it', () => {
    const folder = dir();
    const path = join(folder, 'report.json');
    writeReportFile(path, ['{"a":', new TextEncoder().encode('1}')], failed);
    expect(readFileSync(path, 'utf8')).toBe('{"a":1}');
    expect(readdirSync(folder)).toEqual(['report.json']);
  });

  it('a report that fails half-way leaves the previous file as it was, not a truncated one', () => {
    const folder = dir();
    const path = join(folder, 'report.sarif');
    writeFileSync(path, 'the previous report');
    expect(() => writeReportFile(path, breaksAfterFirst(), failed)).toThrow('a rendering bug');
    expect(readFileSync(path, 'utf8')).toBe('the previous report');
    expect(readdirSync(folder)).toEqual(['report.sarif']);
  });

  it('a report that fails half-way creates no file where there was none', () => {
    const folder = dir();
    expect(() => writeReportFile(join(folder, 'new.json'), breaksAfterFirst(), failed)).toThrow('a rendering bug');
    expect(readdirSync(folder)).toEqual([]);
  });

  it('a temporary file a killed run left behind does not block the next run', () => {
    const folder = dir();
    const path = join(folder, 'report.sarif');
    writeFileSync(join(folder, `.report.sarif.${process.pid}.tmp`), 'left by a killed run');
    writeReportFile(path, ['whole'], failed);
    expect(readFileSync(path, 'utf8')).toBe('whole');
  });

  it('overwrites an existing file in place (its inode stays: hard links, owner and bind mounts with it)', () => {
    const folder = dir();
    const path = join(folder, 'report.json');
    writeFileSync(path, 'old');
    const other = join(folder, 'hard-link.json');
    linkSync(path, other);
    const inode = statSync(path).ino;
    writeReportFile(path, ['new'], failed);
    expect(statSync(path).ino).toBe(inode);
    expect(readFileSync(other, 'utf8')).toBe('new');
    expect(readdirSync(folder).sort()).toEqual(['hard-link.json', 'report.json']);
  });

  it('writes through a dangling symlink, creating the file it points to', () => {
    const folder = dir();
    const link = join(folder, 'link.json');
    symlinkSync(join(folder, 'real.json'), link);
    writeReportFile(link, ['new'], failed);
    expect(readFileSync(join(folder, 'real.json'), 'utf8')).toBe('new');
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
  });

  it('a file name too long for a suffix is still written whole', () => {
    const folder = dir();
    const path = join(folder, `${'r'.repeat(250)}.json`);
    writeReportFile(path, ['whole'], failed);
    expect(readFileSync(path, 'utf8')).toBe('whole');
    expect(readdirSync(folder)).toHaveLength(1);
  });

  it("keeps an existing file's permissions and writes through a symlink to its target", () => {
    const folder = dir();
    const real = join(folder, 'real.json');
    writeFileSync(real, 'old');
    chmodSync(real, 0o640);
    const link = join(folder, 'link.json');
    symlinkSync(real, link);
    writeReportFile(link, ['new'], failed);
    expect(readFileSync(real, 'utf8')).toBe('new');
    expect(statSync(real).mode & 0o777).toBe(0o640);
    expect(readdirSync(folder).sort()).toEqual(['link.json', 'real.json']);
  });

  it('writes a device in place (renaming over /dev/null would replace it)', () => {
    writeReportFile('/dev/null', ['anything'], failed);
    expect(statSync('/dev/null').isCharacterDevice()).toBe(true);
  });

  it("turns the file system's refusal into the caller's error", () => {
    const folder = dir();
    expect(() => writeReportFile(join(folder, 'missing', 'r.json'), ['x'], failed)).toThrow('cannot write: ENOENT');
    expect(() => writeReportFile(folder, ['x'], failed)).toThrow('cannot write: EISDIR');
  });
});
