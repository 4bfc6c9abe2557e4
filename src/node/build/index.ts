/**
 * Pure renderers behind `quizkit build` and `quizkit new module`: the typed
 * module code, the Markdown page per module, and a new module file made from
 * an article. No I/O: the CLI reads and writes the files.
 *
 * @internal
 */
export { type Article, type ArticleFormat, type ArticleSection, looksLikeMarkdown, parseArticle, sentences, slugify } from './article.js';
export {
  type ModuleCodeOptions,
  exportName,
  moduleCodeHeader,
  moduleIdProblems,
  renderModuleCode,
  renderModulesIndex,
} from './module-code.js';
export { DOCS_SEED, type ModulePageOptions, anchors, modulePageHeader, renderModulePage } from './module-page.js';
export { type NewModuleOptions, renderNewModule } from './new-module.js';
export { ruleDescription, ruleNames } from './rules.js';
