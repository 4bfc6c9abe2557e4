import type { Fraction } from '../../fraction/fraction.js';
import type { DeepReadonly, Module } from '../../schema/types.js';

/** A module as the lint rules read it. */
export type LintedModule = DeepReadonly<Module>;

/** Where a value sits in a module, as in `QuizIssue.path`. */
export type LintPath = readonly (string | number)[];

/**
 * The {@link lintModule} function options.
 *
 * @example
 * ```ts
 * import type { LintOptions } from 'quizkit/node';
 * const options: LintOptions = { wrongTickThreshold: { n: 1, d: 4 } };
 * ```
 */
export interface LintOptions {
  /**
   * The most a multiple-choice question may give for one wrong option ticked
   * alone, as a share of its points (rule `wrong-tick-credit`); default 1/3.
   */
  readonly wrongTickThreshold?: Fraction;
}

/**
 * One item-writing warning from {@link lintModule}: the rule that found it,
 * what it found, why that matters, and where. `file`, `line` and `column`
 * are set when the module was linted from its text ({@link lintModuleSource}).
 *
 * @example
 * ```ts
 * import type { LintWarning } from 'quizkit/node';
 * const warning: LintWarning = {
 *   rule: 'two-item-ordering', path: ['quizzes', 0, 'questions', 0, 'items'],
 *   message: 'Ordering question "q1" has 2 items', why: 'Half of all blind guesses are right.',
 *   docs: 'docs/authoring.md#two-item-ordering',
 * };
 * ```
 */
export interface LintWarning {
  /** The rule id, as listed in {@link LINT_RULES} and used in `lint: { ignore: [...] }`. */
  readonly rule: string;
  /** Where the value the warning is about sits in the module, as in `QuizIssue.path`. */
  readonly path: readonly (string | number)[];
  /** What was found, in one line. */
  readonly message: string;
  /** Why the rule exists, in one line. */
  readonly why: string;
  /** Where the rule is documented: `docs/authoring.md#<rule id>`. */
  readonly docs: string;
  /** The module file, when linted from a file or its text. */
  readonly file?: string;
  /** 1-based line of the value the warning is about. */
  readonly line?: number;
  /** 1-based column (UTF-16 code units) of that value. */
  readonly column?: number;
}

/** What a rule reports: the place, the message, and any other place whose `lint.ignore` may silence it. */
export interface Finding {
  readonly path: LintPath;
  readonly message: string;
  /** Another question the finding is about (cross-item cueing): its own `ignore` silences the finding too. */
  readonly also?: LintPath;
}

/** Options with their defaults filled in. */
export interface ResolvedLintOptions {
  readonly wrongTickThreshold: Fraction;
}

/** A rule over one module. */
export interface ModuleRule {
  /** The rule id: kebab-case, stable, the anchor of its section in docs/authoring.md. */
  readonly id: string;
  /** Why the rule exists, in one line. */
  readonly why: string;
  readonly check: (module: LintedModule, options: ResolvedLintOptions) => Finding[];
}
