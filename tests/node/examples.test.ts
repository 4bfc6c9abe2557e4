// The @example blocks of src/node, run as written.
import { formatIssue, formatIssues, loadModuleFile, parseModuleSource, safeLoadModuleFile } from 'quizkit/node';
import { describe, expect, it } from 'vitest';

describe('quizkit/node examples', () => {
  it('parseModuleSource', () => {
    const result = parseModuleSource('id: bad id\n', { file: 'm.yaml' });
    const issue = result.success ? undefined : result.issues.find((i) => i.code === 'unsafe_id');
    expect([issue?.path, issue?.line, issue?.column]).toEqual([['id'], 1, 5]);
  });

  it('loadModuleFile', async () => {
    const module = await loadModuleFile('tests/fixtures/valid-module.yaml');
    expect(module.quizzes[0]?.questions.length).toBe(4);
  });

  it('safeLoadModuleFile', async () => {
    const result = await safeLoadModuleFile('quizzes/missing.yaml');
    expect(!result.success && formatIssues(result.issues)).toBe(
      "quizzes/missing.yaml:1:1  invalid_syntax  Cannot read the file: ENOENT: no such file or directory, open 'quizzes/missing.yaml'",
    );
  });

  it('formatIssue', () => {
    expect(
      formatIssue({ code: 'missing_field', path: ['title'], message: 'Add the required field "title"', file: 'm.yaml', line: 1, column: 1 }),
    ).toBe('m.yaml:1:1  missing_field  Add the required field "title"');
  });

  it('formatIssues', () => {
    expect(
      formatIssues([
        { code: 'unsafe_id', path: ['id'], message: 'Invalid id', file: 'm.yaml', line: 1, column: 5 },
        { code: 'missing_field', path: ['title'], message: 'Add the required field "title"', file: 'm.yaml', line: 1, column: 1 },
      ]),
    ).toBe('m.yaml:1:5  unsafe_id  Invalid id\nm.yaml:1:1  missing_field  Add the required field "title"');
  });
});
