/**
 * The same quiz in SurveyJS (`survey-core`), the npm default for quizzes:
 * single-choice → `radiogroup`, multiple-choice → `checkbox`, ordering →
 * `ranking`, matching → `matrix` (one row per statement, one column per actor).
 * Each carries a `correctAnswer`; SurveyJS scores each question all-or-nothing,
 * and a matrix per row.
 */
import { Model } from 'survey-core';
import type { Quiz } from '../dist/index.js';
import type { Attempt } from './quiz.js';

/** The survey JSON for a parsed quiz. */
export function surveyJson(quiz: Quiz): Record<string, unknown> {
  const elements = quiz.questions.map((question) => {
    switch (question.type) {
      case 'single-choice':
        return {
          type: 'radiogroup',
          name: question.id,
          title: question.prompt,
          choices: question.options.map((option) => ({ value: option.id, text: option.text })),
          correctAnswer: question.options.find((option) => option.correct)!.id,
        };
      case 'multiple-choice':
        return {
          type: 'checkbox',
          name: question.id,
          title: question.prompt,
          choices: question.options.map((option) => ({ value: option.id, text: option.text })),
          correctAnswer: question.options.filter((option) => option.correct).map((option) => option.id),
        };
      case 'ordering':
        return {
          type: 'ranking',
          name: question.id,
          title: question.prompt,
          choices: question.items.map((item) => ({ value: item.id, text: item.text })),
          correctAnswer: [...question.correctOrder],
        };
      case 'matching':
        return {
          type: 'matrix',
          name: question.id,
          title: question.prompt,
          columns: question.actors.map((actor) => ({ value: actor.id, text: actor.name })),
          rows: question.statements.map((statement) => ({ value: statement.id, text: statement.text })),
          correctAnswer: Object.fromEntries(question.statements.map((statement) => [statement.id, statement.actor])),
        };
    }
  });
  return { title: quiz.title, elements };
}

/** A SurveyJS model of the quiz, created once and reused for every attempt (its best case). */
export function surveyModel(quiz: Quiz): Model {
  return new Model(surveyJson(quiz));
}

/** Deep copies of the attempts, so SurveyJS never shares an object with the other contenders. */
export const surveyData = (attempts: readonly Attempt[]): Record<string, unknown>[] =>
  attempts.map((attempt) => structuredClone(attempt) as Record<string, unknown>);

/** Scores one attempt: sets the data and reads the count of correct answers. */
export function scoreSurvey(model: Model, data: Record<string, unknown>): number {
  model.data = data;
  return model.getCorrectAnswerCount();
}

/**
 * What SurveyJS 2.5's `getCorrectAnswerCount()` should return for an attempt,
 * computed independently, so the bench can check the mapping before timing:
 * radiogroup exact; checkbox set-equal; matrix one per right row; ranking
 * set-equal (see the note in docs/performance.md: `survey.getCorrectAnswerCount()`
 * compares a ranking's order-insensitively, unlike `question.isAnswerCorrect()`).
 */
export function expectedSurveyCount(quiz: Quiz, attempt: Attempt): number {
  let count = 0;
  const sameSet = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((id) => b.includes(id));
  for (const question of quiz.questions) {
    const response = attempt[question.id];
    switch (question.type) {
      case 'single-choice':
        if (response === question.options.find((option) => option.correct)!.id) count++;
        break;
      case 'multiple-choice':
        if (sameSet(response as string[], question.options.filter((option) => option.correct).map((option) => option.id))) count++;
        break;
      case 'ordering':
        if (sameSet(response as string[], question.correctOrder)) count++;
        break;
      case 'matching':
        for (const statement of question.statements) if ((response as Record<string, string>)[statement.id] === statement.actor) count++;
        break;
    }
  }
  return count;
}

/** How many answers are right if a ranking must match in order (what `isAnswerCorrect()` says). */
export function orderedRankingCount(model: Model): number {
  let count = 0;
  for (const question of model.getAllQuestions()) {
    if (question.getType() === 'matrix') count += question.correctAnswerCount;
    else if (question.isAnswerCorrect()) count++;
  }
  return count;
}
