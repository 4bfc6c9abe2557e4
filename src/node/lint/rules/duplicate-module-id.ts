import type { LintedModule, LintPath } from '../types.js';

/** A module with the file it came from. */
export interface ModuleInFile {
  readonly file: string;
  readonly module: LintedModule;
}

/**
 * Rule over a set of module files: each file whose module id an earlier file
 * already uses. Not a `ModuleRule`: it needs every file at once.
 */
export const duplicateModuleId = {
  id: 'duplicate-module-id',
  why: 'Modules are looked up, built and stored by id; a second file with the same id silently replaces the first (or its saved attempts).',
  check(modules: readonly ModuleInFile[]): { index: number; path: LintPath; message: string }[] {
    const first = new Map<string, string>();
    const findings: { index: number; path: LintPath; message: string }[] = [];
    modules.forEach(({ file, module }, index) => {
      const owner = first.get(module.id);
      if (owner === undefined) first.set(module.id, file);
      else findings.push({ index, path: ['id'], message: `Module id "${module.id}" is already used by ${owner}` });
    });
    return findings;
  },
} as const;
