import { formatFraction, type Fraction } from '../fraction/fraction.js';
import type { AnyResponse } from '../scoring/responses.js';
import type { QuestionResult, QuestionStatus, QuizResult } from '../scoring/types.js';
import type { Question } from '../schema/types.js';
import type { Styles } from './io.js';
import type { AnyModule, AnyQuiz } from './load.js';

type AnyQuestion = AnyQuiz['questions'][number];

/** Points as the CLI shows them: `formatFraction`'s one rounding policy (2 decimals at most). */
export const pts = (x: Fraction) => formatFraction(x);

/** A status, coloured by outcome. */
export function statusText(status: QuestionStatus, s: Styles): string {
  switch (status) {
    case 'correct':
      return s.green(status);
    case 'partial':
      return s.yellow(status);
    case 'incorrect':
      return s.red(status);
    case 'invalid':
      return s.bold(s.red(status));
    case 'unanswered':
      return s.dim(status);
  }
}

/** Pads text that may carry ANSI codes to a visible width. */
function pad(text: string, width: number): string {
  const visible = text.replace(/\u001b\[\d+m/g, '').length;
  return text + ' '.repeat(Math.max(0, width - visible));
}

/** Rows as aligned columns, two spaces apart, without trailing spaces. */
export function table(rows: readonly (readonly string[])[]): string[] {
  const width = (text: string) => text.replace(/\u001b\[\d+m/g, '').length;
  const widths: number[] = [];
  for (const row of rows) row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, width(cell))));
  return rows.map((row) =>
    row
      .map((cell, i) => (i === row.length - 1 ? cell : pad(cell, widths[i] ?? 0)))
      .join('  ')
      .replace(/\s+$/, ''),
  );
}

/** The total line: points, percent and the pass decision. */
export function totalLine(result: QuizResult, s: Styles): string {
  const verdict = result.passed ? s.green('passed') : s.red('not passed');
  return `${s.bold('Total')}  ${pts(result.earned)} / ${pts(result.possible)} points  ·  ${pts(result.percent)}%  ·  ${verdict} (pass mark ${pts(result.passMark)}%)`;
}

/**
 * The breakdown `quizkit score` prints: per question its status,
 * earned/possible and statistic; then per objective; then the total.
 */
export function scoreReport(module: AnyModule, quiz: AnyQuiz, result: QuizResult, s: Styles): string[] {
  const rows = [
    ['#', 'question', 'status', 'points', 'statistic'].map((cell) => s.dim(cell)),
    ...result.questions.map((question, i) => [
      String(i + 1),
      question.questionId,
      statusText(question.status, s),
      `${pts(question.earned)}/${pts(question.possible)}`,
      question.statistic?.text ?? (question.status === 'invalid' ? (question.issues[0]?.message ?? '') : ''),
    ]),
  ];
  const lines = [`${s.bold(quiz.title)} ${s.dim(`(${module.id} › ${quiz.id})`)}`, '', ...table(rows), ''];
  const objectives = Object.entries(result.byObjective);
  if (objectives.length) {
    lines.push(
      ...table([
        ['objective', 'points', 'questions'].map((cell) => s.dim(cell)),
        ...objectives.map(([id, group]) => [id, `${pts(group.earned)}/${pts(group.possible)}`, String(group.questionIds.length)]),
      ]),
      '',
    );
  }
  lines.push(totalLine(result, s));
  return lines;
}

/** A learner's response (or the key) in words, as lines. */
export function describeResponse(question: AnyQuestion | Question, response: AnyResponse | undefined): string[] {
  if (response === undefined) return ['(no answer)'];
  switch (question.type) {
    case 'single-choice': {
      const option = question.options.find((o) => o.id === response);
      return [option?.text ?? String(response)];
    }
    case 'multiple-choice': {
      const chosen = Array.isArray(response) ? (response as readonly string[]) : [];
      return chosen.length ? chosen.map((id) => `• ${question.options.find((o) => o.id === id)?.text ?? id}`) : ['(none chosen)'];
    }
    case 'ordering': {
      const order = Array.isArray(response) ? (response as readonly string[]) : [];
      return order.map((id, i) => `${i + 1}. ${question.items.find((item) => item.id === id)?.text ?? id}`);
    }
    case 'matching': {
      const given = (response ?? {}) as Readonly<Record<string, string | null | undefined>>;
      return question.statements.map((statement) => {
        const actor = Object.hasOwn(given, statement.id) ? given[statement.id] : undefined;
        const name = actor === undefined ? '(no answer)' : actor === null ? 'none of these' : (question.actors.find((a) => a.id === actor)?.name ?? actor);
        return `${statement.text} → ${name}`;
      });
    }
  }
}

/** One reviewed question, as `quizkit play` prints it after submission. */
export interface ReviewedQuestion {
  readonly index: number;
  readonly question: AnyQuestion;
  readonly result: QuestionResult;
  readonly response: AnyResponse | undefined;
  readonly correctResponse: AnyResponse;
}

/** The review `quizkit play` prints: each question with the learner's answer, status, statistic, feedback, and the key where it was missed. */
export function reviewReport(module: AnyModule, reviewed: readonly ReviewedQuestion[], s: Styles): string[] {
  const headings = new Map(module.reading.map((section) => [section.id, section.heading]));
  const lines: string[] = [];
  const indent = (text: string) => `     ${text}`;
  for (const { index, question, result, response, correctResponse } of reviewed) {
    lines.push(`${s.bold(`${String(index).padStart(2)}. ${question.prompt}`)}`);
    lines.push(indent(`${statusText(result.status, s)}  ${pts(result.earned)}/${pts(result.possible)} ${result.possible.n === result.possible.d ? 'point' : 'points'}${result.statistic ? s.dim(`  ·  ${result.statistic.text}`) : ''}`));
    const answer = describeResponse(question, response);
    lines.push(indent(`Your answer:${answer.length === 1 ? ` ${answer[0]}` : ''}`), ...(answer.length > 1 ? answer.map((line) => indent(`  ${line}`)) : []));
    if (result.status !== 'correct') {
      const key = describeResponse(question, correctResponse);
      lines.push(indent(`Correct answer:${key.length === 1 ? ` ${key[0]}` : ''}`), ...(key.length > 1 ? key.map((line) => indent(`  ${line}`)) : []));
    }
    for (const issue of result.issues) lines.push(indent(s.red(`${issue.code}: ${issue.message}`)));
    for (const feedback of result.feedback) lines.push(indent(s.cyan(`› ${feedback}`)));
    if (result.status !== 'correct') {
      lines.push(indent(s.dim(`Why: ${question.explanation}`)));
      lines.push(indent(s.dim(`Read: “${headings.get(question.source.section) ?? question.source.section}”`)));
    }
    lines.push('');
  }
  return lines;
}
