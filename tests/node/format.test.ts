import { formatIssue, formatIssues, parseModuleSource } from 'quizkit/node';
import type { QuizIssue } from 'quizkit/schema';
import { describe, expect, it } from 'vitest';
import { spoil } from '../helpers/module-source.js';

const located: QuizIssue = {
  code: 'unknown_actor',
  path: ['quizzes', 0, 'questions', 3, 'statements', 0, 'actor'],
  message: 'Statement "s1" names actor "putin", which is not one of: xi, wang',
  file: 'quizzes/korea.yaml',
  line: 53,
  column: 45,
};

describe('formatIssue', () => {
  it('writes file:line:column, code and message, two spaces apart', () => {
    expect(formatIssue(located)).toBe(
      'quizzes/korea.yaml:53:45  unknown_actor  Statement "s1" names actor "putin", which is not one of: xi, wang',
    );
  });

  it('falls back to the dotted path, or (root), for an issue without a file', () => {
    const { file, line, column, ...bare } = located;
    expect(formatIssue(bare)).toBe(
      'quizzes.0.questions.3.statements.0.actor  unknown_actor  Statement "s1" names actor "putin", which is not one of: xi, wang',
    );
    expect(formatIssue({ code: 'invalid_type', path: [], message: 'Expected object' })).toBe('(root)  invalid_type  Expected object');
  });
});

describe('formatIssues', () => {
  it('writes one line per issue, with no newline at the end', () => {
    expect(formatIssues([])).toBe('');
    expect(formatIssues([located, { ...located, line: 1, column: 1, code: 'missing_field', message: 'Add "title"' }])).toBe(
      [
        'quizzes/korea.yaml:53:45  unknown_actor  Statement "s1" names actor "putin", which is not one of: xi, wang',
        'quizzes/korea.yaml:1:1  missing_field  Add "title"',
      ].join('\n'),
    );
  });

  it('formats what parseModuleSource reports', () => {
    const result = parseModuleSource(spoil('    title: Q', '    title: Q\n    title: R'), { file: 'm.yaml' });
    expect(!result.success && formatIssues(result.issues)).toBe(
      'm.yaml:15:5  invalid_syntax  Duplicate key "title": a key may appear only once in a mapping',
    );
  });
});
