import { type Dirent, readdirSync, realpathSync, type Stats, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { QUIZ_FILE } from './generate.js';
import { UsageError } from './io.js';
import { ioReason, notAFile, pathProblem, requirePath } from './load.js';

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

/**
 * The module files the user named: each file as given, each folder searched
 * (unreadable paths collected), each once. A path that does not exist, a
 * FIFO or device (checked before anything opens it: opening a FIFO waits for
 * a writer, forever) or a folder without module files is a usage error.
 */
export function moduleFilesNamed(cwd: string, targets: readonly string[], command: string, unreadable: Unreadable[]): string[] {
  const files: string[] = [];
  for (const target of targets) {
    const absolute = requirePath(cwd, target, 'Path', command);
    if (statSync(absolute).isDirectory()) {
      const found = unreadable.length;
      const inside = moduleFilesUnder(absolute, target, unreadable);
      if (inside.length === 0 && unreadable.length === found) {
        throw new UsageError(`No .yaml, .yml or .json files in folder "${target}"`, 'Give module files or a folder that holds some');
      }
      files.push(...inside);
    } else {
      const kind = notAFile(absolute);
      if (kind) throw new UsageError(`Path "${target}" is ${kind}, not a module file`, 'Give regular .yaml, .yml or .json files, or folders');
      files.push(target);
    }
  }
  return [...new Set(files.map((file) => resolve(cwd, file)))].map((path) => files.find((file) => resolve(cwd, file) === path)!);
}
