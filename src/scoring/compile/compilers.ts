import type { DeepReadonly, QuestionType } from '../../schema/types.js';
import type { QuestionOf } from '../types.js';
import { compileMatching } from './matching.js';
import { compileMultipleChoice } from './multiple-choice.js';
import { compileOrdering } from './ordering.js';
import { compileSingleChoice } from './single-choice.js';
import type { CompiledQuestion } from './tally.js';

type AnyQuestion = DeepReadonly<QuestionOf<QuestionType>>;
type CompilerFor<T extends QuestionType> = (question: DeepReadonly<QuestionOf<T>>) => CompiledQuestion<never> | undefined;

/**
 * Each question type's integer tally for `compileQuiz`, beside the registry
 * (`src/scoring/registry.ts`) rather than in it so that `scoreQuiz` alone
 * does not bundle them. A new type without one is a compile error here.
 */
const compilers = {
  'single-choice': compileSingleChoice,
  'multiple-choice': compileMultipleChoice,
  ordering: compileOrdering,
  matching: compileMatching,
} satisfies { [T in QuestionType]: CompilerFor<T> };

/** Compiles a question's tally; `undefined` when its numbers do not fit safe integers. Takes the copies the registry's reader makes. */
export const compileWith = (question: AnyQuestion): CompiledQuestion<unknown> | undefined =>
  (compilers[question.type] as (question: AnyQuestion) => CompiledQuestion<unknown> | undefined)(question);
