import type { DeepReadonly, Question, Quiz } from '../../schema/types.js';
import type { LintedModule, LintPath } from './types.js';

/** A question with its quiz and its path in the module. */
export interface PlacedQuestion {
  readonly quiz: DeepReadonly<Quiz>;
  readonly question: DeepReadonly<Question>;
  readonly path: LintPath;
}

/** Every question of a module, in file order, with its path. */
export function questionsOf(module: LintedModule): PlacedQuestion[] {
  return module.quizzes.flatMap((quiz, q) =>
    quiz.questions.map((question, i) => ({ quiz, question, path: ['quizzes', q, 'questions', i] as const })),
  );
}

/** A text a learner reads in a question's answer choices, with its path and whether it belongs to the key. */
export interface ChoiceText {
  readonly text: string;
  readonly path: LintPath;
  /** For options: whether the option is correct; for statements, items and actors: undefined. */
  readonly correct?: boolean;
}

/** The texts of a question's options, statements or items: what a learner chooses among. */
export function choiceTexts(placed: PlacedQuestion): ChoiceText[] {
  const { question, path } = placed;
  switch (question.type) {
    case 'single-choice':
    case 'multiple-choice':
      return question.options.map((option, o) => ({ text: option.text, path: [...path, 'options', o, 'text'], correct: option.correct }));
    case 'ordering':
      return question.items.map((item, o) => ({ text: item.text, path: [...path, 'items', o, 'text'] }));
    case 'matching':
      return question.statements.map((statement, o) => ({ text: statement.text, path: [...path, 'statements', o, 'text'] }));
  }
}
