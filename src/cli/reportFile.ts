import { randomBytes } from 'node:crypto';
import { chmodSync, closeSync, copyFileSync, lstatSync, openSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';

type Chunks = Iterable<string | Uint8Array>;
type Failed = (error: unknown) => Error;

/**
 * Writes the `--output` report so that the file at `path` is either the whole report or what it
 * was before: a report that fails half-way (no space left, a rendering bug) must not leave a
 * truncated SARIF or JSON file for a later step to upload as if it were complete.
 *
 * The whole report goes to a temporary file first. A new file is then renamed into place; an
 * existing one (or a symlink) is overwritten by a copy of it, which keeps its inode — owner,
 * mode, hard links, a bind mount, a refusal to write a read-only file — as writing it in place
 * did. A device or FIFO (`/dev/stdout`) is written in place: there is nothing to keep whole.
 *
 * `failed` turns a file-system error into the caller's error; a rendering error passes unchanged.
 */
export function writeReportFile(path: string, chunks: Chunks, failed: Failed): void {
  const target = targetOf(path);
  if (target.kind === 'special') {
    const fd = open(path, 'w', 0o666, failed);
    writeAndClose(fd, chunks, failed);
    return;
  }
  // A new file gets the usual mode (0666 less the umask); an existing one keeps its own, which
  // the copy below also gives it, so the temporary file must have it too.
  const temporary = openTemporary(path, target.kind === 'new' ? 0o666 : 0o600, failed);
  try {
    writeAndClose(temporary.fd, chunks, failed);
    if (target.kind === 'existing') chmodSync(temporary.path, target.mode);
    if (target.kind === 'new' && temporary.beside) renameSync(temporary.path, path);
    else copyFileSync(temporary.path, path);
  } catch (error) {
    throw converted.has(error as Error) || !isSystemError(error) ? error : failed(error);
  } finally {
    removeQuietly(temporary.path);
  }
}

type Target = { readonly kind: 'new' } | { readonly kind: 'special' } | { readonly kind: 'existing'; readonly mode: number };

/** What `path` names now; a symlink (dangling or not) is written through, like an existing file. */
function targetOf(path: string): Target {
  let link: ReturnType<typeof lstatSync>;
  try {
    link = lstatSync(path);
  } catch {
    return { kind: 'new' };
  }
  let stats: ReturnType<typeof statSync>;
  try {
    stats = statSync(path);
  } catch {
    // A dangling link: the copy creates the file it points to, with the usual 0644.
    return link.isSymbolicLink() ? { kind: 'existing', mode: 0o644 } : { kind: 'new' };
  }
  // Folders are "special" too: opening one to write says EISDIR, which the caller words.
  if (!stats.isFile()) return { kind: 'special' };
  return { kind: 'existing', mode: Number(stats.mode) & 0o7777 };
}

/**
 * A new file of its own: beside the target (so a rename stays on one file system), else — a
 * folder nobody may add files to, a name too long for a suffix — in the system's temporary
 * folder. The random part keeps runs apart, including one that was killed and left its file.
 */
function openTemporary(
  path: string,
  mode: number,
  failed: Failed,
): { readonly path: string; readonly fd: number; readonly beside: boolean } {
  const suffix = `${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
  const beside = join(dirname(path), `.${basename(path)}.${suffix}`);
  try {
    return { path: beside, fd: openSync(beside, 'wx', mode), beside: true };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException | undefined)?.code;
    if (code !== 'EACCES' && code !== 'EPERM' && code !== 'EROFS' && code !== 'ENAMETOOLONG') throw failed(error);
  }
  const elsewhere = join(tmpdir(), `clb-guard-report.${suffix}`);
  return { path: elsewhere, fd: open(elsewhere, 'wx', mode, failed), beside: false };
}

function open(path: string, flags: string, mode: number, failed: Failed): number {
  try {
    return openSync(path, flags, mode);
  } catch (error) {
    throw failed(error);
  }
}

/** Errors already turned into the caller's form, so that they are not wrapped twice. */
const converted = new WeakSet<Error>();

function writeAndClose(fd: number, chunks: Chunks, failed: Failed): void {
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

function removeQuietly(path: string): void {
  try {
    unlinkSync(path);
  } catch {
    // Renamed into place, or never written: nothing to clean.
  }
}
