import type { QuizIssue } from '../../errors/quiz-validation-error.js';
import type { DeepReadonly, Module } from '../../schema/types.js';
import { locateInSource } from '../placeholders.js';
import { type LintRule, LINT_RULES } from './rules.js';

/**
 * A lint warning: a `QuizIssue` whose `code` is the rule id, with the rule's
 * one-line reason and a link to where docs/authoring.md explains it.
 *
 * @example
 * ```ts
 * import type { LintWarning } from 'quizkit/node';
 * const warning: LintWarning = { code: 'longest-key', path: ['quizzes', 0, 'questions', 0], message: '…', why: '…', docs: 'docs/authoring.md#lint-rules' };
 * ```
 */
export interface LintWarning extends QuizIssue {
  readonly why: string;
  readonly docs: string;
}

/** The `lint.ignore` lists that cover a path: the module's, and the question's the path is inside. */
function ignoredAt(module: DeepReadonly<Module>, path: readonly (string | number)[]): ReadonlySet<string> {
  const ignored = new Set(module.lint?.ignore ?? []);
  if (path[0] === 'quizzes' && path[2] === 'questions') {
    const question = module.quizzes[path[1] as number]?.questions[path[3] as number];
    for (const id of question?.lint?.ignore ?? []) ignored.add(id);
  }
  return ignored;
}

/**
 * Item-writing checks on a valid module, as an assessment designer reviews
 * items: a key that gives itself away by length, "all/none of the above",
 * absolute words only in distractors, duplicate options, orderings of two
 * items, negative marking the learner is not told of, a generous
 * every-decision-counts, one question's text holding another's answer, and
 * placeholders left. Each warning names its rule; `lint: { ignore: [rule] }`
 * on the module or a question skips a rule there. With the file's `text`,
 * warnings carry `file`, `line` and `column`.
 *
 * @param module - A parsed, valid module.
 * @param source - The file name and text, for positions.
 * @returns The warnings, in rule order then document order.
 *
 * @example
 * ```ts
 * import { lintModule } from 'quizkit/node';
 * import { northKoreaChina } from 'quizkit/modules';
 * lintModule(northKoreaChina).some((warning) => warning.code === 'unstated-negative-marking'); //=> true
 * ```
 */
export function lintModule(module: DeepReadonly<Module>, source?: { readonly file: string; readonly text: string }): LintWarning[] {
  const warnings = LINT_RULES.flatMap((rule: LintRule) =>
    rule
      .check(module)
      .filter((finding) => !ignoredAt(module, finding.path).has(rule.id))
      .map((finding): LintWarning => ({ code: rule.id, path: finding.path, message: finding.message, why: rule.why, docs: `docs/authoring.md#lint-rules` })),
  );
  if (!source) return warnings;
  const located = locateInSource(source.text, source.file, warnings);
  return warnings.map((warning, i) => ({ ...warning, ...located[i], why: warning.why, docs: warning.docs }));
}
