import { readFileSync } from 'node:fs';
import { parseModuleSource } from 'quizkit/node';
import { type QuizIssue, parseModule } from 'quizkit/schema';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { BASE_MODULE, spoil } from '../helpers/module-source.js';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/${name}`, import.meta.url), 'utf8');
const issuesOf = (text: string, file = 'm.yaml'): readonly QuizIssue[] => {
  const result = parseModuleSource(text, { file });
  if (result.success) throw new Error('expected the source to be rejected');
  return result.issues;
};
const at = (issue: QuizIssue) => `${issue.line}:${issue.column}`;

describe('parseModuleSource on valid files', () => {
  it('parses the YAML fixture to the typed module, defaults filled in', () => {
    const result = parseModuleSource(fixture('valid-module.yaml'), { file: 'valid-module.yaml' });
    expect(result.success).toBe(true);
    if (!result.success) return;
    expect(result.data).toEqual(parseModule(parse(fixture('valid-module.yaml'))));
    const [single, multiple, ordering, matching] = result.data.quizzes[0]?.questions ?? [];
    expect(result.data.quizzes[0]?.passMark).toEqual({ n: 60, d: 1 });
    expect(single).toMatchObject({ type: 'single-choice', points: { n: 1, d: 1 }, rule: { name: 'option-credit' } });
    expect(single?.type === 'single-choice' && single.options[1]?.credit).toEqual({ n: 1, d: 3 });
    expect(multiple).toMatchObject({ type: 'multiple-choice', points: { n: 2, d: 1 }, rule: { name: 'right-minus-wrong' } });
    expect(ordering).toMatchObject({ type: 'ordering', correctOrder: ['summit', 'ministers'], rule: { name: 'pairwise-order' } });
    expect(matching).toMatchObject({ type: 'matching', allowNoMatch: true, rule: { name: 'per-statement' } });
    expect(matching?.type === 'matching' && matching.statements.map((s) => s.actor)).toEqual(['choe', 'wang', null]);
  });

  it('parses the JSON twin (with $schema) to the same module', () => {
    const yaml = parseModuleSource(fixture('valid-module.yaml'), { file: 'valid-module.yaml' });
    const json = parseModuleSource(fixture('valid-module.json'), { file: 'valid-module.json' });
    expect(json.success && yaml.success).toBe(true);
    if (!json.success || !yaml.success) return;
    const { $schema, ...rest } = json.data;
    expect($schema).toBe('../../quiz.schema.json');
    expect(rest).toEqual(yaml.data);
  });

  it('accepts a yaml-language-server $schema comment and a $schema key in YAML', () => {
    const withComment = `# yaml-language-server: $schema=../quiz.schema.json\n${BASE_MODULE}`;
    expect(parseModuleSource(withComment, { file: 'm.yaml' }).success).toBe(true);
    expect(parseModuleSource(`$schema: ../quiz.schema.json\n${BASE_MODULE}`, { file: 'm.yml' }).success).toBe(true);
  });

  it('ignores a byte-order mark', () => {
    expect(parseModuleSource(`\uFEFF${BASE_MODULE}`, { file: 'm.yaml' }).success).toBe(true);
    const issues = issuesOf(`\uFEFF${spoil('id: m\n', 'id: bad id\n')}`);
    expect(issues.map(at)).toEqual(['1:5']);
  });
});

// For each code the schema emits: spoil one line of the base module, then
// check the code, the path and where the issue lands.
const q = (index: number, ...rest: (string | number)[]) => ['quizzes', 0, 'questions', index, ...rest];
const cases: [code: string, from: string, to: string, path: (string | number)[], position: string][] = [
  ['missing_field', '  attribution: A\n', '', ['source', 'attribution'], '4:3'],
  ['missing_field', '        prompt: Where?\n', '', q(0, 'prompt'), '16:9'],
  ['unknown_field', 'title: M', 'title: M\ncolour: red', ['colour'], '3:1'],
  ['unknown_field', '{ id: b, text: Seoul }', '{ id: b, text: Seoul, hint: x }', q(0, 'options', 1, 'hint'), '24:35'],
  ['unknown_question_type', 'single-choice', 'essay', q(0, 'type'), '17:15'],
  ['unknown_rule', 'right-minus-wrong', 'lenient', q(1, 'rule', 'name'), '34:23'],
  ['invalid_value', '    title: Q', '    title: Q\n    passMark: 150', ['quizzes', 0, 'passMark'], '15:15'],
  ['too_small', 'title: M', 'title: "  "', ['title'], '2:8'],
  ['limit_exceeded', 'id: m\n', `id: ${'m'.repeat(65)}\n`, ['id'], '1:5'],
  ['invalid_format', '  attribution: A', '  attribution: A\n  url: not a url', ['source', 'url'], '6:8'],
  ['unsafe_id', '  - id: s1\n', '  - id: s 1\n', ['reading', 0, 'id'], '7:9'],
  ['invalid_number', 'text: Seoul }', 'text: Seoul, credit: "1/0" }', q(0, 'options', 1, 'credit'), '24:43'],
  ['credit_out_of_range', 'text: Seoul }', 'text: Seoul, credit: 2 }', q(0, 'options', 1, 'credit'), '24:43'],
  ['invalid_points', '        prompt: Where?', '        prompt: Where?\n        points: 0', q(0, 'points'), '19:17'],
  ['duplicate_id', '- id: q2', '- id: q1', q(1, 'id'), '25:13'],
  ['correct_option_count', 'text: Seoul }', 'text: Seoul, correct: true }', q(0, 'options'), '23:11'],
  ['ordering_not_permutation', '[first, second]', '[first, second, first]', q(2, 'correctOrder', 2), '43:39'],
  ['unknown_actor', 'actor: xi', 'actor: putin', q(3, 'statements', 0, 'actor'), '53:45'],
  ['no_match_not_allowed', 'actor: xi', 'actor: null', q(3, 'statements', 0, 'actor'), '53:45'],
  ['unknown_section', 'section: s1, quote: in Beijing', 'section: s9, quote: in Beijing', q(0, 'source', 'section'), '20:28'],
  ['unknown_objective', '[o1]', '[o9]', q(0, 'objectives', 0), '21:22'],
  ['quote_not_found', 'quote: in Beijing', 'quote: in Seoul', q(0, 'source', 'quote'), '20:39'],
];

describe('parseModuleSource locates every issue code', () => {
  it('starts from a valid base module', () => {
    expect(parseModuleSource(BASE_MODULE, { file: 'm.yaml' }).success).toBe(true);
  });

  it.each(cases)('%s: %j → %j', (code, from, to, path, position) => {
    const issues = issuesOf(spoil(from, to));
    expect(issues.filter((issue) => issue.code === code).map((issue) => [issue.path, at(issue), issue.file])).toEqual([
      [path, position, 'm.yaml'],
    ]);
  });

  it('no_correct_option: at the options of a multiple-choice question with none correct', () => {
    const text = spoil('{ id: xi, text: Xi, correct: true }', '{ id: xi, text: Xi }', spoil('kim, text: Kim, correct: true', 'kim, text: Kim'));
    const issues = issuesOf(text);
    expect(issues.map((issue) => [issue.code, issue.path, at(issue)])).toEqual([['no_correct_option', q(1, 'options'), '31:11']]);
  });

  it('invalid_type: a number where text is expected', () => {
    const issues = issuesOf(spoil('title: M', 'title: 5'));
    expect(issues.map((issue) => [issue.code, issue.path, at(issue)])).toEqual([['invalid_type', ['title'], '2:8']]);
  });

  it('invalid_syntax: a tab used as indentation, at the tab', () => {
    const issues = issuesOf(spoil('    heading: H', '\theading: H'));
    expect(issues.every((issue) => issue.code === 'invalid_syntax' && issue.path.length === 0)).toBe(true);
    expect(issues[0]).toMatchObject({ file: 'm.yaml', line: 8, column: 1, message: 'Tabs are not allowed as indentation' });
  });

  it('invalid_syntax: a duplicate key, at the repeated key, naming it', () => {
    const issues = issuesOf(spoil('    title: Q', '    title: Q\n    title: R'));
    expect(issues).toEqual([
      {
        code: 'invalid_syntax',
        path: [],
        message: 'Duplicate key "title": a key may appear only once in a mapping',
        file: 'm.yaml',
        line: 15,
        column: 5,
      },
    ]);
  });

  it('invalid_syntax: a second document', () => {
    const issues = issuesOf(`${BASE_MODULE}---\nid: other\n`);
    expect(issues.map((issue) => [issue.code, at(issue)])).toEqual([['invalid_syntax', '54:1']]);
  });

  it('invalid_syntax: an alias without its anchor, at the alias', () => {
    const issues = issuesOf(spoil('title: M', 'title: *name'));
    expect(issues.map((issue) => [issue.code, at(issue), issue.message])).toEqual([
      ['invalid_syntax', '2:8', 'Alias "*name" has no anchor "&name" before it'],
    ]);
  });

  it('follows anchors and aliases when locating an issue', () => {
    const text = spoil('title: M', 'title: &t M').replace('    title: Q', '    title: *t\n    hue: 1');
    expect(issuesOf(text).map((issue) => [issue.code, issue.path, at(issue)])).toEqual([
      ['unknown_field', ['quizzes', 0, 'hue'], '15:5'],
    ]);
  });

  it('limit_exceeded: refuses an alias bomb without expanding it', () => {
    const lines = ['a: &a [x, x, x, x, x, x, x, x, x, x]'];
    for (const [name, prev] of [['b', 'a'], ['c', 'b'], ['d', 'c'], ['e', 'd'], ['f', 'e']] as const) {
      lines.push(`${name}: &${name} [${Array(10).fill(`*${prev}`).join(', ')}]`);
    }
    const issues = issuesOf(lines.join('\n'));
    expect(issues.map((issue) => [issue.code, at(issue)])).toEqual([['limit_exceeded', '2:8']]);
  });

  it('limit_exceeded: refuses nesting far deeper than a module needs, without overflowing the stack', () => {
    const cases: [string, string][] = [
      ['['.repeat(50_000), '1:65'],
      [`${'['.repeat(100)}${']'.repeat(100)}`, '1:65'],
      [`${'- '.repeat(20_000)}x`, '1:129'],
      [Array.from({ length: 100 }, (_, depth) => `${' '.repeat(depth)}k:`).join('\n'), '65:65'],
    ];
    for (const [text, position] of cases) {
      expect(issuesOf(text).map((issue) => [issue.code, at(issue)])).toEqual([['limit_exceeded', position]]);
    }
  }, 20_000);

  it('reports a root that is not a mapping at 1:1', () => {
    for (const text of ['', '# just a comment\n', '- a\n- b\n', 'just text']) {
      const issues = issuesOf(text);
      expect(issues.length).toBeGreaterThan(0);
      expect(issues.every((issue) => issue.path.length === 0 && issue.file === 'm.yaml' && issue.line === 1)).toBe(true);
    }
  });
});

describe('parseModuleSource reports every problem at once', () => {
  it('returns all schema issues of a file, sorted by position', () => {
    let text = spoil('id: m\n', 'id: bad id\n');
    text = spoil('  attribution: A\n', '', text);
    text = spoil('actor: xi', 'actor: putin', text);
    text = spoil('single-choice', 'essay', text);
    text = spoil('    title: Q', '    title: Q\n    colour: red', text);
    const issues = issuesOf(text);
    expect(issues.map((issue) => [issue.code, at(issue)])).toEqual([
      ['unsafe_id', '1:5'],
      ['missing_field', '4:3'],
      ['unknown_field', '14:5'],
      ['unknown_question_type', '17:15'],
      ['unknown_actor', '53:45'],
    ]);
  });

  it('returns every syntax error, not only the first', () => {
    const text = spoil('title: M', 'title: M\ntitle: N').replace('  - id: s1\n', '  - id: s1\n  - id: s2\n  - id: s1\n  - id: s2\n  - id: s1\n');
    const issues = issuesOf(text.replace('    heading: H', '    heading: H\n    heading: I'));
    expect(issues.map((issue) => [issue.code, at(issue)])).toEqual([
      ['invalid_syntax', '3:1'],
      ['invalid_syntax', '14:5'],
    ]);
  });
});

describe('parseModuleSource on JSON', () => {
  const json = fixture('valid-module.json');

  it('picks the format from the extension, or from the format option', () => {
    const commented = json.replace('"id": "beijing-meeting",', '"id": "beijing-meeting", // the id');
    expect(parseModuleSource(commented, { file: 'm.json' }).success).toBe(false);
    expect(parseModuleSource(commented, { file: 'm.JSON' }).success).toBe(false);
    expect(parseModuleSource(commented, { file: 'm.txt', format: 'json' }).success).toBe(false);
  });

  it('locates schema issues in JSON, at keys for unknown fields', () => {
    const text = json.replace('"title": "The Beijing meeting",', '"title": "The Beijing meeting", "colour": "red",');
    const issues = issuesOf(text.replace('"id": "q2"', '"id": "q1"'), 'm.json');
    const line = (needle: string) => text.split('\n').findIndex((l) => l.includes(needle)) + 1;
    expect(issues.map((issue) => [issue.code, issue.path, issue.line])).toEqual([
      ['unknown_field', ['colour'], line('"colour"')],
      ['duplicate_id', q(1, 'id'), line('"id": "q2"')],
    ]);
    expect(issues[0]?.column).toBe(text.split('\n')[line('"colour"') - 1]?.indexOf('"colour"')! + 1);
  });

  it.each([
    ['a comment', '"id": "beijing-meeting",', '"id": "beijing-meeting", // the id', 'JSON has no comments: remove it'],
    ['a # comment', '"id": "beijing-meeting",', '"id": "beijing-meeting", # the id', 'JSON has no comments: remove it'],
    ['an unquoted string', '"id": "beijing-meeting"', '"id": beijing-meeting', 'JSON strings need double quotes: write "…"'],
    ['an unquoted key', '"id": "beijing-meeting"', 'id: "beijing-meeting"', 'JSON strings need double quotes: write "…"'],
    ['single quotes', '"id": "beijing-meeting"', "\"id\": 'beijing-meeting'", "JSON strings use double quotes, not '"],
    ['a trailing comma', '"allowNoMatch": true', '"allowNoMatch": true,', 'JSON allows no trailing comma: remove it'],
    ['a key without a value', '"id": "beijing-meeting",', '"id": "beijing-meeting", "x",', 'Each JSON key needs a value: write "key": value'],
    ['a string across lines', '"title": "The Beijing meeting"', '"title": "The Beijing\nmeeting"', 'A JSON string cannot span lines: write \\n for a line break'],
    ['a YAML-only escape', '"title": "The Beijing meeting"', '"title": "The Beijing\\x41 meeting"', 'JSON strings allow only the escapes \\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX'],
  ])('refuses %s, at the offending token', (_, from, to, message) => {
    const text = json.replace(from, to);
    const issues = issuesOf(text, 'm.json');
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ code: 'invalid_syntax', path: [], message });
    const line = text.split('\n')[(issues[0]?.line ?? 0) - 1] ?? '';
    expect(line).toContain(to.trim().slice(0, 4));
  });

  it('accepts every JSON escape, an escaped backslash before a letter included', () => {
    const text = json.replace('"The Beijing meeting"', '"The \\"Beijing\\" \\\\x \\/ \\b\\f\\n\\r\\t \\u00e9 meeting"');
    const result = parseModuleSource(text, { file: 'm.json' });
    expect(result.success && result.data.title).toBe('The "Beijing" \\x / \b\f\n\r\t é meeting');
  });

  it('refuses YAML in a .json file with one issue', () => {
    expect(issuesOf(BASE_MODULE, 'm.json')).toEqual([
      {
        code: 'invalid_syntax',
        path: [],
        message: 'This file is YAML, not JSON: rename it to .yaml, or write it as JSON',
        file: 'm.json',
        line: 1,
        column: 1,
      },
    ]);
  });

  it('still refuses deep nesting in YAML named .json', () => {
    const issues = issuesOf(`${'- '.repeat(20_000)}x`, 'm.json');
    expect(issues.map((issue) => [issue.code, at(issue)])).toEqual([['limit_exceeded', '1:129']]);
  }, 20_000);

  it('reports a duplicate key in JSON', () => {
    const issues = issuesOf(json.replace('"id": "beijing-meeting",', '"id": "beijing-meeting", "id": "again",'), 'm.json');
    expect(issues.map((issue) => [issue.code, issue.line, issue.message])).toEqual([
      ['invalid_syntax', 3, 'Duplicate key "id": a key may appear only once in a mapping'],
    ]);
  });
});
