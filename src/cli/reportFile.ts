import { chmodSync, closeSync, openSync, realpathSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

type Chunks = Iterable<string | Uint8Array>;

/**
 * Writes the `--output` report so that the file at `path` is either the whole report or what it
 * was before: a report that fails half-way (no space left, a rendering bug) must not leave a
 * truncated SARIF or JSON file for a later step to upload as if it were complete. A regular file
 * (or a new one) is written beside its target and renamed over it; anything else (`/dev/stdout`,
 * a FIFO) is written in place, as renaming over it would replace the device with a file.
 *
 * `failed` turns a file-system error into the caller's error; a rendering error passes unchanged.
 */
export function writeReportFile(path: string, chunks: Chunks, failed: (error: unknown) => Error): void {
  const target = existingTarget(path);
  if (target !== undefined && !target.regular) {
    writeInPlace(path, chunks, failed);
    return;
  }
  const final = target?.real ?? path;
  // Beside the target, so the rename stays on one file system; the pid keeps parallel runs apart.
  const temporary = join(dirname(final), `.${basename(final)}.${process.pid}.tmp`);
  let fd: number;
  try {
    fd = openSync(temporary, 'wx', 0o666);
  } catch (error) {
    // A folder nobody may add files to can still hold a file one may write: then in place.
    if (target !== undefined && isPermission(error)) {
      writeInPlace(path, chunks, failed);
      return;
    }
    throw failed(error);
  }
  try {
    writeAndClose(fd, chunks, failed);
    if (target !== undefined) chmodSync(temporary, target.mode);
    renameSync(temporary, final);
  } catch (error) {
    removeQuietly(temporary);
    throw converted.has(error as Error) || !isSystemError(error) ? error : failed(error);
  }
}

/** What is at `path` now: undefined when nothing is (or a dangling link). Symlinks are followed. */
function existingTarget(path: string): { readonly regular: boolean; readonly real: string; readonly mode: number } | undefined {
  let stats: ReturnType<typeof statSync>;
  try {
    stats = statSync(path);
  } catch {
    return undefined;
  }
  return { regular: stats.isFile(), real: stats.isFile() ? realpathSync(path) : path, mode: Number(stats.mode) & 0o7777 };
}

function writeInPlace(path: string, chunks: Chunks, failed: (error: unknown) => Error): void {
  let fd: number;
  try {
    fd = openSync(path, 'w');
  } catch (error) {
    throw failed(error);
  }
  writeAndClose(fd, chunks, failed);
}

/** Errors already turned into the caller's form, so that they are not wrapped twice. */
const converted = new WeakSet<Error>();

function writeAndClose(fd: number, chunks: Chunks, failed: (error: unknown) => Error): void {
  try {
    // The chunks are made outside the `try` around the write: a failure to render is a bug, not the file's.
    for (const chunk of chunks) {
      try {
        const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
        for (let written = 0; written < bytes.length; ) written += writeSync(fd, bytes, written);
      } catch (error) {
        const mine = failed(error);
        converted.add(mine);
        throw mine;
      }
    }
  } finally {
    closeSync(fd);
  }
}

function isSystemError(error: unknown): boolean {
  return typeof (error as NodeJS.ErrnoException | undefined)?.code === 'string';
}

function isPermission(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return code === 'EACCES' || code === 'EPERM' || code === 'EROFS';
}

function removeQuietly(path: string): void {
  try {
    unlinkSync(path);
  } catch {
    // Never created, or already gone: nothing to clean.
  }
}
