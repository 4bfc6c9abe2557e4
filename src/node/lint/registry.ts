import { absoluteWords } from './rules/absolute-words.js';
import { allNoneOfTheAbove } from './rules/all-none-of-the-above.js';
import { crossItemCueing } from './rules/cross-item-cueing.js';
import { duplicateModuleId } from './rules/duplicate-module-id.js';
import { duplicateOptions } from './rules/duplicate-options.js';
import { longestKey } from './rules/longest-key.js';
import { selfExcludingDistractor } from './rules/self-excluding-distractor.js';
import { todoPlaceholder } from './rules/todo-placeholder.js';
import { twoItemOrdering } from './rules/two-item-ordering.js';
import { undisclosedPenalty } from './rules/undisclosed-penalty.js';
import { wrongTickCredit } from './rules/wrong-tick-credit.js';
import type { ModuleRule } from './types.js';

/** The rules run on each module, in the order their warnings are listed for one place. */
export const MODULE_RULES: readonly ModuleRule[] = [
  longestKey,
  allNoneOfTheAbove,
  absoluteWords,
  duplicateOptions,
  crossItemCueing,
  undisclosedPenalty,
  wrongTickCredit,
  twoItemOrdering,
  selfExcludingDistractor,
  todoPlaceholder,
];

/** Warning about a `lint.ignore` entry that names no rule. */
export const UNKNOWN_RULE = {
  id: 'unknown-lint-rule',
  why: 'An ignore entry that names no rule silences nothing, most likely because of a typo.',
} as const;

/**
 * Every `quizkit lint` rule: its id (the name to put in
 * `lint: { ignore: [...] }`, and the anchor of its section in
 * docs/authoring.md) and why it exists, in one line.
 *
 * @example
 * ```ts
 * import { LINT_RULES } from 'quizkit/node';
 * LINT_RULES.map((rule) => rule.id).includes('longest-key'); //=> true
 * ```
 */
export const LINT_RULES: readonly { readonly id: string; readonly why: string }[] = [...MODULE_RULES, duplicateModuleId, UNKNOWN_RULE].map(
  ({ id, why }) => ({ id, why }),
);

/** The docs link of a rule. */
export const docsOf = (rule: string) => `docs/authoring.md#${rule}`;
