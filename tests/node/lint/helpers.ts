import { lintModuleSource, type LintWarning } from 'quizkit/node';

/**
 * A module file around the given question lines (YAML, indented as items of
 * `questions:`), with a reading that quotes "Kim met Xi in Beijing."
 */
export function moduleText(questions: readonly string[], extra: { top?: readonly string[]; description?: string } = {}): string {
  return [
    'id: m',
    'title: M',
    'source: { title: T, attribution: A }',
    ...(extra.top ?? []),
    'reading:',
    '  - id: s1',
    '    heading: H',
    '    text: Kim met Xi in Beijing.',
    'quizzes:',
    '  - id: quiz',
    '    title: Q',
    ...(extra.description ? [`    description: ${extra.description}`] : []),
    '    questions:',
    ...questions.map((line) => `      ${line}`),
    '',
  ].join('\n');
}

/** A single-choice question as YAML lines, with the given option lines. */
export function singleChoice(id: string, prompt: string, options: readonly string[], more: readonly string[] = []): string[] {
  return [
    `- id: ${id}`,
    '  type: single-choice',
    `  prompt: ${prompt}`,
    '  explanation: E.',
    '  source: { section: s1, quote: in Beijing }',
    ...more.map((line) => `  ${line}`),
    '  options:',
    ...options.map((line) => `    - ${line}`),
  ];
}

/** A multiple-choice question as YAML lines. */
export function multipleChoice(id: string, prompt: string, options: readonly string[], more: readonly string[] = []): string[] {
  return singleChoice(id, prompt, options, ['type: multiple-choice', ...more]).filter((line) => line !== '  type: single-choice');
}

/** The warnings of a module text, each as `line:column rule`; throws when the text is not a valid module. */
export function lint(text: string, rule?: string, options: { wrongTickThreshold?: { n: number; d: number } } = {}): string[] {
  return warningsOf(text, options)
    .filter((warning) => rule === undefined || warning.rule === rule)
    .map((warning) => `${warning.line}:${warning.column} ${warning.rule}`);
}

/** The full warnings of a module text. */
export function warningsOf(text: string, options: { wrongTickThreshold?: { n: number; d: number } } = {}): readonly LintWarning[] {
  const result = lintModuleSource(text, { file: 'm.yaml', ...options });
  if (!result.success) throw new Error(`not a valid module: ${JSON.stringify(result.issues)}`);
  return result.warnings;
}

/** `line:column` of the first occurrence of `needle` in `text` (1-based), found independently of the linter. */
export function at(text: string, needle: string, nth = 1): string {
  let offset = -1;
  for (let i = 0; i < nth; i++) {
    offset = text.indexOf(needle, offset + 1);
    if (offset === -1) throw new Error(`"${needle}" not found ${nth} times`);
  }
  const before = text.slice(0, offset).split('\n');
  return `${before.length}:${(before[before.length - 1]?.length ?? 0) + 1}`;
}
