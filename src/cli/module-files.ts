import { type Dirent, readdirSync, realpathSync, type Stats, statSync } from 'node:fs';
import { join } from 'node:path';
import { QUIZ_FILE } from './generate.js';
import { ioReason, notAFile, pathProblem } from './load.js';

// The folder walk shared by the commands that take folders of module files (validate, serve).

/** A path that could not be read, and why. */
export interface Unreadable {
  readonly file: string;
  readonly reason: string;
}

/**
 * Every module file under a folder, depth first, sorted by name at each
 * level. Symlinks are followed (a linked module file is checked, a linked
 * folder searched, each real folder once, so a link back up cannot loop). A
 * folder that cannot be listed, and a module-named entry that cannot be
 * followed or is not a regular file (a FIFO, socket, device), go to
 * `unreadable`; nothing is opened but folders.
 */
export function moduleFilesUnder(dir: string, shown: string, unreadable: Unreadable[], visited = new Set<string>()): string[] {
  const found: string[] = [];
  let real: string;
  let entries: Dirent[];
  try {
    real = realpathSync(dir);
    if (visited.has(real)) return found;
    visited.add(real);
    entries = readdirSync(dir, { withFileTypes: true });
  } catch (error) {
    unreadable.push({ file: shown, reason: `cannot read the folder: ${ioReason(error)}` });
    return found;
  }
  for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
    const path = join(dir, entry.name);
    const label = shown === '.' ? entry.name : `${shown.replace(/\/+$/, '')}/${entry.name}`;
    const isModuleName = QUIZ_FILE.test(entry.name);
    let info: Stats | undefined;
    if (entry.isSymbolicLink()) {
      try {
        info = statSync(path);
      } catch (error) {
        if (isModuleName || (error as NodeJS.ErrnoException).code === 'ELOOP') {
          const problem = pathProblem(path) ?? ioReason(error);
          unreadable.push({ file: label, reason: problem.replace(/^is an? /, '').replace(/^cannot be read: /, '') });
        }
        continue;
      }
    }
    const isDirectory = info ? info.isDirectory() : entry.isDirectory();
    const isFile = info ? info.isFile() : entry.isFile();
    if (isDirectory) found.push(...moduleFilesUnder(path, label, unreadable, visited));
    else if (isFile && isModuleName) found.push(label);
    else if (isModuleName) unreadable.push({ file: label, reason: `it is ${notAFile(path) ?? 'not a regular file'}, not a module file` });
  }
  return found;
}
