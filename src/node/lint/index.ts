// The `quizkit lint` item-writing checks: one file per rule under rules/, the registry, the runner.
export { lintModule, lintModuleSource, lintModuleSet, type LintModuleSourceOptions, type LintSourceResult, type LintedFile } from './run.js';
export { LINT_RULES } from './registry.js';
export { formatLintWarning } from './format.js';
export type { LintOptions, LintWarning } from './types.js';
