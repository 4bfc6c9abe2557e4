import type { QuizIssue } from '../errors/quiz-validation-error.js';
import type { DeepReadonly, Module } from '../schema/types.js';
import { locator } from './locate.js';
import { formatOf } from './parse-source.js';
import { readSource } from './source.js';

/** The word that marks a placeholder: what `quizkit new`, `quizkit import` and drafts leave for the author. */
const PLACEHOLDER = /\bTODO\b/;

/**
 * The texts of a module that still hold a placeholder: every string value
 * containing the word `TODO` (capitals, as a word), as `quizkit new`,
 * `quizkit import` and drafted questions write them. Such a module is valid —
 * a placeholder is well-formed text — but not finished, so `quizkit validate`
 * reports each as a warning (code `todo_placeholder`), and as an error with
 * `--strict`.
 *
 * @param module A parsed module.
 *
 * @returns One issue per placeholder, with its path and the text (clipped), in document order.
 *
 * @example
 * ```ts
 * import { findPlaceholders } from 'quizkit/node';
 * import { northKoreaChina } from 'quizkit/modules';
 * findPlaceholders(northKoreaChina).length; //=> 0
 * const draft = { ...northKoreaChina, summary: 'TODO: one paragraph on what the module teaches.' };
 * findPlaceholders(draft).map((issue) => [issue.code, issue.path]); //=> [['todo_placeholder', ['summary']]]
 * ```
 */
export function findPlaceholders(module: DeepReadonly<Module>): QuizIssue[] {
  const found: QuizIssue[] = [];
  const visit = (value: unknown, path: (string | number)[]): void => {
    if (typeof value === 'string') {
      if (PLACEHOLDER.test(value)) found.push({ code: 'todo_placeholder', path, message: `Placeholder left to replace: "${clip(value)}"` });
    } else if (Array.isArray(value)) {
      value.forEach((item, index) => visit(item, [...path, index]));
    } else if (value !== null && typeof value === 'object') {
      for (const [key, item] of Object.entries(value)) if (key !== '$schema') visit(item, [...path, key]);
    }
  };
  visit(module, []);
  return found;
}

const clip = (text: string): string => {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > 80 ? `${line.slice(0, 79)}…` : line;
};

/**
 * Puts `file`, `line` and `column` on issues about a module parsed from
 * `text` (issues the schema did not raise, such as placeholders), at the
 * value each path names.
 *
 * @internal
 */
export function locateInSource(text: string, file: string, issues: readonly QuizIssue[]): QuizIssue[] {
  if (issues.length === 0) return [];
  const source = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const { document, lines } = readSource(source, formatOf(file));
  const offsetOf = document ? locator(document) : () => 0;
  return issues.map((issue) => {
    const { line, col } = lines.linePos(offsetOf(issue.path, false));
    return { ...issue, file, line, column: col };
  });
}
