import { constants, type Stats } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { MODULE_FILE_LIMITS } from './limits.js';

/**
 * What reading a module file gave: its bytes; or a file too large to read
 * (its size, from the file system, before anything was read); or the error
 * of a file that cannot be read.
 *
 * @internal
 */
export type FileRead =
  | { readonly ok: true; readonly bytes: Uint8Array }
  | { readonly ok: false; readonly tooLarge: number }
  | { readonly ok: false; readonly error: NodeJS.ErrnoException };

/** What a non-regular file is, in words. */
function kindOf(info: Stats): string {
  if (info.isDirectory()) return 'a folder';
  if (info.isFIFO()) return 'a named pipe (FIFO)';
  if (info.isSocket()) return 'a socket';
  if (info.isCharacterDevice() || info.isBlockDevice()) return 'a device';
  return 'not a regular file';
}

/** An error shaped like Node's own, for a path that is not a regular file. */
function notAFile(path: string, info: Stats): NodeJS.ErrnoException {
  const code = info.isDirectory() ? 'EISDIR' : 'EINVAL';
  const error: NodeJS.ErrnoException = new Error(`${code}: "${path}" is ${kindOf(info)}, not a module file`);
  error.code = code;
  error.path = path;
  error.syscall = 'stat';
  return error;
}

/**
 * Reads a module file, at most {@link MODULE_FILE_LIMITS}.bytes of it. The
 * path is checked first, without opening it (opening a FIFO waits for a
 * writer, forever): it must be a regular file (symlinks followed; a symlink
 * loop is Node's `ELOOP`) no larger than the cap. Reading stops one byte past
 * the cap, so a file that grows in between is refused as well, and memory
 * stays bounded whatever the file system says.
 *
 * @internal
 */
export async function readModuleFileBytes(path: string): Promise<FileRead> {
  const limit = MODULE_FILE_LIMITS.bytes;
  try {
    const info = await stat(path);
    if (!info.isFile()) return { ok: false, error: notAFile(path, info) };
    if (info.size > limit) return { ok: false, tooLarge: info.size };
    // O_NONBLOCK: should the path have become a FIFO since, opening it still does not wait.
    const handle = await open(path, constants.O_RDONLY | constants.O_NONBLOCK);
    try {
      let buffer = new Uint8Array(Math.min(info.size, limit) + 1);
      let length = 0;
      for (;;) {
        if (length === buffer.length) {
          // The file grew past the size it had: one byte past the cap is enough to refuse it.
          if (length > limit) return { ok: false, tooLarge: Math.max(length, (await handle.stat()).size) };
          const grown = new Uint8Array(Math.min(buffer.length * 2, limit + 1));
          grown.set(buffer);
          buffer = grown;
        }
        const { bytesRead } = await handle.read(buffer, length, buffer.length - length, null);
        if (bytesRead === 0) return { ok: true, bytes: buffer.subarray(0, length) };
        length += bytesRead;
      }
    } finally {
      await handle.close();
    }
  } catch (error) {
    return { ok: false, error: error as NodeJS.ErrnoException };
  }
}
