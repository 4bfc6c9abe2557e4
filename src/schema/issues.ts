import type * as z from 'zod';
import type { QuizIssue } from '../errors/quiz-validation-error.js';
import { DECIMAL_OR_RATIO, SAFE_ID } from './common.js';
import type { QuizIssueCode } from './codes.js';
import { UNREADABLE_INPUT } from './plain-input.js';
import { RULE_NAMES } from './quiz.js';

const questionTypes = Object.keys(RULE_NAMES);
const ruleNames = new Map<string, readonly string[]>(Object.entries(RULE_NAMES));

type ZodIssue = z.core.$ZodIssue;

const describe = (value: unknown) =>
  value === UNREADABLE_INPUT
    ? 'a value that could not be read (it threw, or is nested too deep)'
    : value === null ? 'null' : Array.isArray(value) ? 'a list' : typeof value === 'object' ? 'an object' : typeof value;

function convert(issue: ZodIssue, input: unknown): { code: QuizIssueCode; message: string; path: (string | number)[] }[] {
  const path = issue.path.filter((key): key is string | number => typeof key !== 'symbol');
  const last = path[path.length - 1];
  switch (issue.code) {
    case 'custom': {
      const code = (issue.params as { quizkitCode?: QuizIssueCode } | undefined)?.quizkitCode ?? 'invalid_value';
      return [{ code, message: issue.message, path }];
    }
    case 'invalid_type': {
      // zod leaves `input` out of issues, so look the value up in the document.
      const value = valueAt(input, path);
      if (value === undefined && path.length > 0) {
        return [{ code: 'missing_field', message: `Add the required field "${String(last)}"`, path }];
      }
      const found = value === undefined ? 'nothing' : describe(value);
      const expected = issue.expected === 'object' ? 'a mapping (an object)' : issue.expected;
      return [{ code: 'invalid_type', message: `Expected ${expected}, found ${found}${typeHint(issue.expected, value)}`, path }];
    }
    case 'unrecognized_keys':
      return issue.keys.map((key) => ({
        code: 'unknown_field' as const,
        // A field name never has a space: a key like "not feeding." is text cut at a comma inside `{ … }`.
        message: /\s/.test(key.trim())
          ? `Unknown field "${key}": no field name has a space; if this is the end of a text cut at a comma inside { … }, quote the whole text ("…, ${key.trim()}")`
          : `Unknown field "${key}": remove it or check its spelling`,
        path: [...path, key],
      }));
    case 'invalid_union': {
      const discriminator = (issue as { discriminator?: string }).discriminator;
      if ((issue as { note?: string }).note === 'No matching discriminator' && discriminator) {
        // zod's path already ends at the discriminator field.
        const found = valueAt(input, path);
        const isRule = discriminator === 'name' && path[path.length - 2] === 'rule';
        const allowed = isRule
          ? ruleNames.get(String(valueAt(input, [...path.slice(0, -2), 'type'])))
          : discriminator === 'type'
            ? questionTypes
            : undefined;
        return [
          {
            code: isRule ? 'unknown_rule' : discriminator === 'type' ? 'unknown_question_type' : 'invalid_value',
            message:
              found === undefined
                ? `Add the field "${discriminator}"`
                : `Unknown ${isRule ? 'rule' : 'question type'} "${String(found)}"${allowed ? `; use one of: ${allowed.join(', ')}` : ''}`,
            path,
          },
        ];
      }
      // A union of alternatives (a number or a ratio string): report the branch
      // whose type matched but whose content did not, else the type mismatch.
      const branch = issue.errors.find((errors) => errors[0]?.code !== 'invalid_type') ?? issue.errors[0];
      const first = branch?.[0];
      if (first) return convert({ ...first, path: [...issue.path, ...first.path] } as ZodIssue, input);
      return [{ code: 'invalid_type', message: 'Invalid value', path }];
    }
    case 'invalid_value':
      return [
        {
          code: 'invalid_value',
          message: `Expected ${issue.values.map((value) => JSON.stringify(value)).join(' or ')}`,
          path,
        },
      ];
    case 'too_big':
      return [
        {
          code: 'limit_exceeded',
          message: `${issue.origin === 'string' ? 'Text' : 'List'} is too long: at most ${String(issue.maximum)} ${issue.origin === 'string' ? 'characters' : 'entries'} allowed`,
          path,
        },
      ];
    case 'too_small':
      return [{ code: 'too_small', message: issue.message, path }];
    case 'invalid_format': {
      const pattern = issue.format === 'regex' ? String((issue as { pattern?: unknown }).pattern) : '';
      if (pattern.includes(SAFE_ID.source)) return [{ code: 'unsafe_id', message: `Invalid id: ${issue.message}`, path }];
      if (pattern.includes(DECIMAL_OR_RATIO.source)) return [{ code: 'invalid_number', message: issue.message, path }];
      return [{ code: 'invalid_format', message: issue.message, path }];
    }
    default:
      return [{ code: 'invalid_value', message: issue.message, path }];
  }
}

function valueAt(input: unknown, path: readonly (string | number)[]): unknown {
  let value = input;
  for (const key of path) {
    if (value === null || typeof value !== 'object' || !Object.hasOwn(value, key)) return undefined;
    value = (value as Record<string | number, unknown>)[key];
  }
  return value;
}

/** Turns zod's issues into quizkit's `{ code, path, message }` issues. */
export function toQuizIssues(error: z.ZodError, input: unknown): [QuizIssue, ...QuizIssue[]] {
  const issues: QuizIssue[] = error.issues.flatMap((issue) => convert(issue, input));
  return issues as [QuizIssue, ...QuizIssue[]];
}

/** YAML 1.1 booleans that YAML 1.2 (and so quizkit) reads as text, with the value meant. */
const YAML11_BOOLEANS: Readonly<Record<string, boolean>> = { yes: true, no: false, on: true, off: false, y: true, n: false, true: true, false: false };

/** A hint for a value of the wrong type that is a well-known YAML slip, or nothing. */
function typeHint(expected: string, value: unknown): string {
  if (expected !== 'boolean' || typeof value !== 'string') return '';
  const meant = YAML11_BOOLEANS[value.trim().toLowerCase()];
  return meant === undefined ? '' : `: "${value}" is text in YAML 1.2 (quizkit's YAML); write ${meant}`;
}
