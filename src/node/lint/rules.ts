import { compare, fraction } from '../../fraction/fraction.js';
import type { DeepReadonly, Module, Question, Quiz } from '../../schema/types.js';
import { scoreQuestion } from '../../scoring/score.js';
import { findPlaceholders } from '../placeholders.js';

type Path = readonly (string | number)[];

/**
 * One finding of a lint rule, at a path of the module.
 *
 * @example
 * ```ts
 * import type { Finding } from 'quizkit/node';
 * const finding: Finding = { path: ['quizzes', 0, 'questions', 2, 'items'], message: 'Two items: add items, or ask it as a single-choice question' };
 * ```
 */
export interface Finding {
  readonly path: readonly (string | number)[];
  readonly message: string;
}

/**
 * An item-writing check: its id, why it matters, and what it finds.
 *
 * @example
 * ```ts
 * import type { LintRule } from 'quizkit/node';
 * const noTitles: LintRule = { id: 'no-title', why: 'Every module needs a title.', check: (module) => (module.title ? [] : [{ path: ['title'], message: 'Add a title' }]) };
 * ```
 */
export interface LintRule {
  readonly id: string;
  readonly why: string;
  readonly check: (module: DeepReadonly<Module>) => Finding[];
}

type AnyQuestion = DeepReadonly<Question>;

/** Every question with its path and quiz. */
function* questions(module: DeepReadonly<Module>): Generator<{ question: AnyQuestion; quiz: DeepReadonly<Quiz>; at: Path }> {
  for (const [q, quiz] of module.quizzes.entries()) for (const [i, question] of quiz.questions.entries()) yield { question, quiz, at: ['quizzes', q, 'questions', i] };
}

const words = (text: string) => text.toLowerCase().normalize('NFKC').match(/[\p{L}\p{N}]+/gu) ?? [];
const normal = (text: string) => words(text).join(' ');
const choiceOptions = (question: AnyQuestion) => (question.type === 'single-choice' || question.type === 'multiple-choice' ? question.options : []);
const keyed = (question: AnyQuestion) => choiceOptions(question).filter((option) => option.correct === true);

/**
 * The lint rules, in the order they run; each `why` is the reason
 * docs/authoring.md ("Lint rules") gives.
 *
 * @example
 * ```ts
 * import { LINT_RULES } from 'quizkit/node';
 * LINT_RULES.map((rule) => rule.id).includes('cross-item-cue'); //=> true
 * ```
 */
export const LINT_RULES: readonly LintRule[] = [
  {
    id: 'longest-key',
    why: 'Test-wise learners pick the longest option; a key much longer than every distractor gives itself away.',
    check: (module) => {
      const found: Finding[] = [];
      for (const { question, at } of questions(module)) {
        if (question.type !== 'single-choice') continue;
        const key = keyed(question)[0];
        const others = question.options.filter((option) => option !== key).map((option) => option.text.length);
        if (!key || others.length === 0) continue;
        const longest = Math.max(...others);
        if (key.text.length >= longest * 1.25 && key.text.length - longest >= 10) {
          found.push({ path: [...at, 'options', question.options.indexOf(key), 'text'], message: `The keyed option (${key.text.length} characters) is much longer than every other (at most ${longest}): shorten it or lengthen the distractors` });
        }
      }
      return found;
    },
  },
  {
    id: 'all-none-of-the-above',
    why: '"All/none of the above" tests reading the options more than the content, and breaks when options are shuffled.',
    check: (module) => {
      const found: Finding[] = [];
      for (const { question, at } of questions(module)) {
        choiceOptions(question).forEach((option, o) => {
          if (/\b(all|none) of the (above|options)\b/i.test(option.text)) found.push({ path: [...at, 'options', o, 'text'], message: `"${option.text}": replace it with a real option` });
        });
      }
      return found;
    },
  },
  {
    id: 'absolute-words',
    why: 'Absolute words (always, never, only, all, none) mark distractors for test-wise learners when the key has none.',
    check: (module) => {
      const found: Finding[] = [];
      const absolute = /\b(always|never|only|all|none|every|no one)\b/i;
      for (const { question, at } of questions(module)) {
        if (keyed(question).some((option) => absolute.test(option.text))) continue;
        choiceOptions(question).forEach((option, o) => {
          const word = absolute.exec(option.text)?.[0];
          if (!option.correct && word) found.push({ path: [...at, 'options', o, 'text'], message: `The distractor says "${word}" and no keyed option does` });
        });
      }
      return found;
    },
  },
  {
    id: 'duplicate-options',
    why: 'Two options that say the same thing are either both right or both a giveaway.',
    check: (module) => {
      const found: Finding[] = [];
      for (const { question, at } of questions(module)) {
        const seen = new Map<string, number>();
        choiceOptions(question).forEach((option, o) => {
          const text = normal(option.text);
          const first = seen.get(text);
          if (first !== undefined) found.push({ path: [...at, 'options', o, 'text'], message: `Says the same as option ${first + 1} ("${option.text}")` });
          else seen.set(text, o);
        });
      }
      return found;
    },
  },
  {
    id: 'two-item-ordering',
    why: 'An ordering of two items is a true/false question with a 50 % guess.',
    check: (module) => {
      const found: Finding[] = [];
      for (const { question, at } of questions(module)) {
        if (question.type === 'ordering' && question.items.length === 2) found.push({ path: [...at, 'items'], message: 'Two items: add items, or ask it as a single-choice question' });
      }
      return found;
    },
  },
  {
    id: 'unstated-negative-marking',
    why: 'A wrong answer that costs points surprises a learner unless the question or the quiz says so.',
    check: (module) => {
      const found: Finding[] = [];
      const says = /\b(cost|costs|deduct\w*|negative|lose|loses|penal\w*|minus|take[sn]? (off|away))\b/i;
      for (const { question, quiz, at } of questions(module)) {
        const negative =
          question.rule.name === 'correction-for-guessing' || choiceOptions(question).some((option) => option.credit !== undefined && option.credit.n < 0);
        if (negative && !says.test(question.prompt) && !says.test(quiz.description ?? '')) {
          found.push({ path: [...at, 'prompt'], message: 'Wrong answers cost points here, and neither the prompt nor the quiz description says so' });
        }
      }
      return found;
    },
  },
  {
    id: 'generous-every-decision-counts',
    why: 'Under every-decision-counts one wrong tick alone still earns credit for every option rightly left alone.',
    check: (module) => {
      const found: Finding[] = [];
      const threshold = fraction(1, 3);
      for (const { question, at } of questions(module)) {
        if (question.type !== 'multiple-choice' || question.rule.name !== 'every-decision-counts') continue;
        const wrong = question.options.filter((option) => !option.correct);
        const best = wrong.map((option) => scoreQuestion(question, [option.id]).fraction).sort((a, b) => compare(b, a))[0];
        if (best && compare(best, threshold) > 0) {
          found.push({ path: [...at, 'rule'], message: `One wrong tick alone earns ${best.n}/${best.d} of the points (more than 1/3): use weighted-credit or right-minus-wrong` });
        }
      }
      return found;
    },
  },
  {
    id: 'cross-item-cue',
    why: 'A question whose text contains the answer of another question of the same quiz gives that answer away.',
    check: (module) => {
      const found: Finding[] = [];
      for (const quiz of module.quizzes) {
        const q = module.quizzes.indexOf(quiz);
        const keys = quiz.questions.flatMap((question) => keyed(question).map((option) => ({ id: question.id, text: normal(option.text) }))).filter((key) => key.text.split(' ').length >= 4);
        quiz.questions.forEach((question, i) => {
          const texts: [Path, string][] = [[['prompt'], question.prompt], ...choiceOptions(question).map((option, o): [Path, string] => [['options', o, 'text'], option.text])];
          if (question.type === 'matching') question.statements.forEach((statement, s) => texts.push([['statements', s, 'text'], statement.text]));
          for (const [path, text] of texts) {
            const hit = keys.find((key) => key.id !== question.id && normal(text).includes(key.text));
            if (hit) found.push({ path: ['quizzes', q, 'questions', i, ...path], message: `Contains the answer of question "${hit.id}"` });
          }
        });
      }
      return found;
    },
  },
  {
    id: 'placeholder',
    why: 'A TODO left from quizkit new, import or a draft reaches learners.',
    check: (module) => findPlaceholders(module).map(({ path, message }) => ({ path, message })),
  },
];
