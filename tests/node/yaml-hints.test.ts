// Issue #18.8: the YAML slips authors make most get a message that says what to write.
import { describe, expect, it } from 'vitest';
import { parseModuleSource } from '../../src/node/index.js';
import { BASE_MODULE_LINES } from '../helpers/module-source.js';

/** The base module with line `n` (1-based) replaced. */
const spoil = (n: number, line: string) => BASE_MODULE_LINES.map((text, i) => (i === n - 1 ? line : text)).join('\n');
const issuesOf = (text: string) => {
  const result = parseModuleSource(text, { file: 'm.yaml' });
  return result.success ? [] : result.issues.map(({ code, line, column, message }) => ({ code, at: `${line}:${column}`, message }));
};

describe('issue #18.8: hints for common YAML mistakes', () => {
  it('an unquoted text holding ": " is told to be quoted', () => {
    expect(issuesOf(spoil(2, 'title: Vocabulary: what is it?'))).toEqual([
      { code: 'invalid_syntax', at: '2:8', message: 'Nested mappings are not allowed in compact mappings: quote text that contains ": ", e.g. title: "Vocabulary: what is it?"' },
    ]);
  });

  it('a text cut at a comma inside { … } is recognised as text, not a misspelt field', () => {
    const [issue] = issuesOf(spoil(24, '          - { id: b, text: Seoul, not Beijing. }'));
    expect(issue).toEqual({
      code: 'unknown_field',
      at: '24:35',
      message: 'Unknown field "not Beijing.": no field name has a space; if this is the end of a text cut at a comma inside { … }, quote the whole text ("…, not Beijing.")',
    });
  });

  it('a real misspelling keeps the plain message', () => {
    expect(issuesOf(spoil(24, '          - { id: b, txt: Seoul }')).map((issue) => issue.message)).toContain('Unknown field "txt": remove it or check its spelling');
  });

  it.each([
    ['yes', 'true'],
    ['no', 'false'],
    ['On', 'true'],
  ])('correct: %s is text in YAML 1.2, and the message says to write %s', (word, meant) => {
    const [issue] = issuesOf(spoil(23, `          - { id: a, text: Beijing, correct: ${word} }`));
    expect(issue?.message).toBe(`Expected boolean, found string: "${word}" is text in YAML 1.2 (quizkit's YAML); write ${meant}`);
  });
});

describe('issue #18.8: a structure error does not hide reference errors', () => {
  it('reports a wrong quote and an unknown objective in the same run as a type error', () => {
    const text = BASE_MODULE_LINES.map((line, i) =>
      i === 22 ? '          - { id: a, text: Beijing, correct: yes }' : i === 19 ? '        source: { section: s1, quote: in Pyongyang }' : i === 20 ? '        objectives: [o9]' : line,
    ).join('\n');
    expect(issuesOf(text).map(({ code, at }) => `${code} ${at}`)).toEqual(['quote_not_found 20:39', 'unknown_objective 21:22', 'invalid_type 23:46']);
  });

  it('does not report citations of a section whose own definition is broken', () => {
    const text = BASE_MODULE_LINES.map((line, i) => (i === 6 ? '  - id: 7s' : line)).join('\n');
    expect(issuesOf(text).map((issue) => issue.code)).toEqual(['unsafe_id']);
  });
});
