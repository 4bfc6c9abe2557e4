import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { LINT_RULES, formatLintWarning, lintModule, lintModuleSet, lintModuleSource } from 'quizkit/node';
import { northKoreaChina } from 'quizkit/modules';
import { describe, expect, it } from 'vitest';
import { at, lint, moduleText, singleChoice } from './helpers.js';

const twoOrdering = (lintLine?: string) => [
  '- id: o1',
  '  type: ordering',
  '  prompt: Put them in order.',
  '  explanation: E.',
  '  source: { section: s1, quote: in Beijing }',
  ...(lintLine ? [`  ${lintLine}`] : []),
  '  items: [{ id: a, text: First }, { id: b, text: Second }]',
  '  correctOrder: [a, b]',
];

describe('lint: { ignore }', () => {
  it('a question’s ignore silences that rule on that question only', () => {
    const text = moduleText([...twoOrdering('lint: { ignore: [two-item-ordering] }  # a warm-up item'), ...twoOrdering().map((line) => line.replace('o1', 'o2'))]);
    expect(lint(text)).toEqual([`${at(text, '[{ id: a', 2)} two-item-ordering`]);
  });

  it('the module’s ignore silences the rule everywhere in the file', () => {
    const text = moduleText(twoOrdering(), { top: ['lint: { ignore: [two-item-ordering] }'] });
    expect(lint(text)).toEqual([]);
  });

  it('an ignore on either question of a cueing pair silences it', () => {
    const pair = (ignore: string) => [
      ...singleChoice('wang-opposes', 'What did Wang Yi declare opposition to?', ['{ id: a, text: All forms of hegemonism, correct: true }', '{ id: b, text: Trade }'], [ignore].filter(Boolean)),
      ...singleChoice('who-said', 'Which did the article attribute to Wang Yi?', ['{ id: a, text: Declared opposition to all forms of hegemonism, correct: true }', '{ id: b, text: Confirmed it }']),
    ];
    expect(lint(moduleText(pair('')), 'cross-item-cueing')).toHaveLength(1);
    expect(lint(moduleText(pair('lint: { ignore: [cross-item-cueing] }')), 'cross-item-cueing')).toEqual([]);
  });

  it('warns about an ignore entry that names no rule, at the entry', () => {
    const text = moduleText(twoOrdering('lint: { ignore: [two-item-ordering, longest-keys] }'));
    expect(lint(text)).toEqual([`${at(text, 'longest-keys')} unknown-lint-rule`]);
  });

  it('a rule id must be an id: the schema refuses "longest key"', () => {
    const result = lintModuleSource(moduleText(twoOrdering('lint: { ignore: [longest key] }')), { file: 'm.yaml' });
    expect(result.success).toBe(false);
  });
});

describe('warnings', () => {
  it('carry the rule id, a one-line why and a docs link to a section of docs/authoring.md that exists', () => {
    const docs = readFileSync(new URL('../../../docs/authoring.md', import.meta.url), 'utf8');
    for (const rule of LINT_RULES) {
      expect(rule.why).not.toContain('\n');
      expect(docs).toContain(`### \`${rule.id}\``);
    }
    const [warning] = lintModuleSource(moduleText(twoOrdering()), { file: 'm.yaml' }).success ? (lintModuleSource(moduleText(twoOrdering()), { file: 'm.yaml' }) as { warnings: readonly import('quizkit/node').LintWarning[] }).warnings : [];
    expect(warning).toMatchObject({ rule: 'two-item-ordering', docs: 'docs/authoring.md#two-item-ordering', file: 'm.yaml' });
    expect(formatLintWarning(warning!)).toMatch(/^m\.yaml:\d+:\d+  two-item-ordering  .+\. Why: .+ See docs\/authoring\.md#two-item-ordering$/);
  });

  it('lintModule works on a parsed module, with paths and no positions', () => {
    const firstEdition = lintModuleSource(readFileSync(new URL('./fixtures/north-korea-china-issue17.yaml', import.meta.url), 'utf8'), { file: 'first.yaml' });
    if (!firstEdition.success) throw new Error('the first-edition fixture no longer parses');
    const warnings = lintModule(firstEdition.data);
    expect(warnings.length).toBeGreaterThan(0);
    for (const warning of warnings) expect(warning.line).toBeUndefined();
    expect(warnings.map((warning) => warning.path.length > 0)).not.toContain(false);
  });

  it('passes the article module, second edition (issue #17), with no warning', () => {
    expect(lintModule(northKoreaChina)).toEqual([]);
  });

  it('an invalid module gives its validation issues and no warnings', () => {
    const result = lintModuleSource('id: m\n', { file: 'm.yaml' });
    expect(result.success).toBe(false);
  });

  it('never throws, and places every warning inside the text, whatever the option texts (property)', () => {
    const word = fc.constantFrom('Kim', 'Xi', 'all', 'never', 'of', 'the', 'above', 'China', 'meet', 'none', 'North', 'Korea');
    const phrase = fc.array(word, { minLength: 1, maxLength: 6 }).map((words) => words.join(' '));
    fc.assert(
      fc.property(fc.array(phrase, { minLength: 2, maxLength: 5 }), phrase, (options, prompt) => {
        const text = moduleText(
          singleChoice('q1', JSON.stringify(prompt), options.map((option, i) => `{ id: o${i}, text: ${JSON.stringify(option)}${i === 0 ? ', correct: true' : ''} }`)),
        );
        const result = lintModuleSource(text, { file: 'm.yaml' });
        if (!result.success) return;
        const lines = text.split('\n').length;
        for (const warning of result.warnings) expect(warning.line).toBeGreaterThanOrEqual(1), expect(warning.line).toBeLessThanOrEqual(lines);
      }),
      { seed: 1234, numRuns: 200 },
    );
  });
});

describe('duplicate-module-id', () => {
  const text = moduleText(singleChoice('q1', 'Where?', ['{ id: a, text: Beijing, correct: true }', '{ id: b, text: Seoul }']));

  it('flags the second of two files with the same module id, at its id', () => {
    const [first, second] = lintModuleSet([
      { file: 'a.yaml', text },
      { file: 'b.yaml', text },
    ]);
    expect(first?.success && first.warnings).toEqual([]);
    expect(second?.success && second.warnings.map((w) => `${w.file}:${w.line}:${w.column} ${w.rule}`)).toEqual([`b.yaml:${at(text, 'm\n')} duplicate-module-id`]);
  });

  it('does not flag different ids', () => {
    const results = lintModuleSet([
      { file: 'a.yaml', text },
      { file: 'b.yaml', text: text.replace('id: m\n', 'id: other\n') },
    ]);
    expect(results.flatMap((r) => (r.success ? r.warnings : []))).toEqual([]);
  });
});

describe('issue #17: the first edition of the article module', () => {
  const file = 'tests/node/lint/fixtures/north-korea-china-issue17.yaml';
  const source = readFileSync(new URL('./fixtures/north-korea-china-issue17.yaml', import.meta.url), 'utf8');
  const result = lintModuleSource(source, { file });
  const warnings = result.success ? result.warnings : [];
  const messages = (rule: string) => warnings.filter((w) => w.rule === rule).map((w) => w.message);

  it('is a valid module', () => {
    expect(result.success).toBe(true);
  });

  it('17.1: finds the cueing pairs the review names', () => {
    const pairs = messages('cross-item-cueing').map((m) => /in question "([^"]+)" gives away question "([^"]+)"/.exec(m)!.slice(1).join(' → '));
    expect(pairs).toEqual(
      expect.arrayContaining([
        'opposition-who-said → wang-opposes',
        'opposition-who-said → north-korea-willing',
        'expected-not-reported → dialogue-outcome',
        'outlook-sides → expected-not-reported',
        'order-parade-chain → parade-appearance',
        'article-structure → parade-appearance',
      ]),
    );
  });

  it('17.2: flags the unannounced correction for guessing and the every-decision-counts item, with the exact 2/5 and 4/5', () => {
    expect(messages('undisclosed-penalty').some((m) => m.includes('"who-met-in-beijing"') && m.includes('-1/3'))).toBe(true);
    const [edc] = messages('wrong-tick-credit');
    expect(edc).toContain('"confrontation-issues"');
    expect(edc).toContain('earns 2/5');
    expect(edc).toContain('one keyed option alone earns 4/5');
  });

  it('17.7: flags the longest keys of outlook-spotlight and closing-assessment, at their text', () => {
    expect(warnings.filter((w) => w.rule === 'longest-key').map((w) => `${w.line}:${w.column}`)).toEqual([
      at(source, 'Whether China sends a delegation'),
      at(source, 'As a significant development whose'),
    ]);
    expect(messages('longest-key').map((m) => /question "([^"]+)"/.exec(m)![1])).toEqual(['outlook-spotlight', 'closing-assessment']);
  });
});
