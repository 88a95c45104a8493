// Write a file so that readers see either the old or the new content, never a torn one:
// a temp file in the same directory, fsync, rename over the target. The mode of an
// existing file is kept, and a symlink is written through (its target is replaced, the
// link stays).
import { randomBytes } from 'node:crypto';
import { promises as fs, constants } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';

async function resolveTarget(path: string): Promise<{ target: string; mode: number | undefined }> {
  try {
    const target = await fs.realpath(path);
    return { target, mode: (await fs.stat(target)).mode & 0o7777 };
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
    // A dangling symlink: write to where it points.
    try {
      const link = await fs.readlink(path);
      return { target: resolve(dirname(path), link), mode: undefined };
    } catch {
      return { target: path, mode: undefined };
    }
  }
}

/** `data` as a string is written as UTF-8; bytes are written as they are (a latin1-read file keeps its bytes). */
export async function writeFileAtomic(path: string, data: string | Uint8Array): Promise<void> {
  const { target, mode } = await resolveTarget(path);
  const dir = dirname(target);
  const temp = join(dir, `.${basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
  const handle = await fs.open(temp, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL, mode ?? 0o644);
  try {
    await (typeof data === 'string' ? handle.writeFile(data, 'utf8') : handle.writeFile(data));
    if (mode !== undefined) await handle.chmod(mode); // the umask must not narrow it
    await handle.sync();
  } catch (e) {
    await handle.close();
    await fs.rm(temp, { force: true });
    throw e;
  }
  await handle.close();
  try {
    await fs.rename(temp, target);
  } catch (e) {
    await fs.rm(temp, { force: true });
    throw e;
  }
  // Make the rename itself durable (best effort: not every file system allows it).
  try {
    const dirHandle = await fs.open(dir, 'r');
    await dirHandle.sync().finally(() => dirHandle.close());
  } catch {
    /* ignore */
  }
}
