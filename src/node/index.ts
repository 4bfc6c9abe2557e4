/**
 * Node-only helpers for quiz files: read a module from YAML or JSON text or
 * from disk, validate it, and report every problem at its `file:line:column`.
 * Parsing ({@link parseModuleSource}) is pure; only the loaders touch the disk.
 *
 * @packageDocumentation
 * @module quizkit/node
 */
export { parseModuleSource, type ParseModuleSourceOptions } from './parse-source.js';
export { loadModuleFile, safeLoadModuleFile } from './load.js';
export { formatIssue, formatIssues } from './format.js';
export type { ModuleSourceFormat } from './source.js';
export { MODULE_FILE_LIMITS } from './limits.js';
export { findPlaceholders } from './placeholders.js';
export {
  lintModule,
  lintModuleSource,
  lintModuleSet,
  formatLintWarning,
  LINT_RULES,
  type LintModuleSourceOptions,
  type LintSourceResult,
  type LintedFile,
  type LintOptions,
  type LintWarning,
} from './lint/index.js';
export {
  DRAFT_MARKER,
  draftModule,
  formatDraftReport,
  type ArticleEvent,
  type Attribution,
  type DraftFindings,
  type DraftOptions,
  type DraftQuestion,
  type DraftResult,
  type Entity,
  type EntityKind,
  type Reporter,
  type StatedOrder,
} from '../draft/index.js';
