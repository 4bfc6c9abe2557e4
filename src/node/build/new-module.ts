import type { QuestionType } from '../../schema/types.js';
import { type Article, type ArticleSection, quotable, sentences } from './article.js';
import { ruleNames } from './rules.js';

/**
 * Renders the starting module file for `quizkit new module`: the article as
 * the reading, TODO placeholders for what only the author knows, one real
 * (placeholder) question so the file validates as it is, and a commented-out
 * example of every question type, each citing a real section and sentence.
 *
 * @internal
 */

/** Options of {@link renderNewModule}. */
export interface NewModuleOptions {
  /** The module id. */
  readonly id: string;
  /** The article file, as the header names it. */
  readonly from: string;
  /** The `$schema` reference for the `yaml-language-server` comment (a path relative to the new file, or a URL). */
  readonly schema: string;
}

/**
 * A YAML scalar: double-quoted (JSON escapes are YAML escapes too), so no
 * text can be misread as a number, a boolean, a comment or a mapping.
 */
const str = (text: string) => JSON.stringify(text);

/** Characters YAML does not allow in a document (outside the printable set). */
const NOT_PRINTABLE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u0084\u0086-\u009f\ud800-\udfff\ufffe\uffff]/;

/** A block scalar (`|-`) indented by `indent`, or a quoted string when a block cannot hold the text exactly. */
function block(text: string, indent: string): string {
  if (/^\s/.test(text) || /\s$/.test(text) || NOT_PRINTABLE.test(text) || text.includes('\t')) return str(text);
  return `|-\n${text
    .split('\n')
    .map((line) => (line ? `${indent}${line}` : ''))
    .join('\n')}`;
}

/** Prefixes every line with `# ` at the given indent: a commented-out YAML block. */
const commentOut = (lines: readonly string[], indent: string) => lines.map((line) => `${indent}# ${line}`.replace(/\s+$/, ''));

interface Citation {
  readonly section: ArticleSection;
  readonly quote: string;
}

/**
 * Picks a real sentence of a real section for each example, spreading them
 * over the sections (example k cites section k, wrapping round) and never
 * citing the same sentence twice where the text allows.
 */
function citations(article: Article, count: number): Citation[] {
  const used = new Set<string>();
  const result: Citation[] = [];
  const { sections } = article;
  for (let k = 0; k < count; k++) {
    const section = sections[k % sections.length]!;
    const candidates = section.paragraphs.flatMap(sentences).map((sentence) => quotable(sentence));
    const good = candidates.filter((sentence) => sentence.split(/\s+/).length >= 4);
    const pool = good.length ? good : candidates;
    const quote = pool.find((sentence) => !used.has(`${section.id}\u0000${sentence}`)) ?? pool[0] ?? section.paragraphs[0]!;
    used.add(`${section.id}\u0000${quote}`);
    result.push({ section, quote });
  }
  return result;
}

const source = (c: Citation) => ['source:', `  section: ${c.section.id}`, `  quote: ${str(c.quote)}`];
const rules = (type: QuestionType) => `# rules: ${ruleNames(type).join(', ')}`;

/** The commented-out examples, one of each type, as YAML lines for a question list (unindented). */
function examples(cites: readonly Citation[]): string[] {
  const [single, multiple, ordering, matching] = cites as [Citation, Citation, Citation, Citation];
  const about = (c: Citation) => `TODO: a question on “${c.section.heading}”`;
  return [
    '- id: example-single-choice',
    '  type: single-choice',
    `  prompt: ${str(`${about(single)}, answered by the quote below`)}`,
    '  rule: { name: option-credit }  ' + rules('single-choice'),
    '  options:',
    '    - { id: right, text: "TODO: the right answer", correct: true }',
    '    - id: wrong-1',
    '      text: "TODO: a plausible wrong answer"',
    '      feedback: "TODO: why it is wrong (shown in review)"',
    '    - { id: wrong-2, text: "TODO: another plausible wrong answer" }',
    '  explanation: "TODO: why the right answer is right, in the words of the reading"',
    ...source(single).map((line) => `  ${line}`),
    '  # objectives: [an-objective-id]',
    '',
    '- id: example-multiple-choice',
    '  type: multiple-choice',
    `  prompt: ${str(`${about(multiple)}. Choose all that apply.`)}`,
    '  rule: { name: right-minus-wrong }  ' + rules('multiple-choice'),
    '  options:',
    '    - { id: right-1, text: "TODO: a right answer", correct: true }',
    '    - { id: right-2, text: "TODO: another right answer", correct: true }',
    '    - { id: wrong-1, text: "TODO: a wrong answer" }',
    '  explanation: "TODO: why exactly these are right"',
    ...source(multiple).map((line) => `  ${line}`),
    '',
    '- id: example-ordering',
    '  type: ordering',
    `  prompt: ${str(`${about(ordering)}: put these in order, earliest first`)}`,
    '  rule: { name: pairwise-order }  ' + rules('ordering'),
    '  items:',
    '    - { id: first, text: "TODO: what comes first" }',
    '    - { id: second, text: "TODO: what comes next" }',
    '    - { id: third, text: "TODO: what comes last" }',
    '  correctOrder: [first, second, third]',
    '  explanation: "TODO: which words of the reading fix the order"',
    ...source(ordering).map((line) => `  ${line}`),
    '',
    '- id: example-matching',
    '  type: matching',
    `  prompt: ${str(`${about(matching)}: match each statement to who made it`)}`,
    '  rule: { name: per-statement }  ' + rules('matching'),
    '  actors:',
    '    - { id: actor-a, name: "TODO: a person, side or medium" }',
    '    - { id: actor-b, name: "TODO: another one" }',
    '    - { id: actor-c, name: "TODO: a distractor (owns no statement)" }',
    '  statements:',
    '    - { id: statement-1, text: "TODO: a position the reading credits to actor A", actor: actor-a }',
    '    - { id: statement-2, text: "TODO: a position the reading credits to actor B", actor: actor-b }',
    '  explanation: "TODO: who said what, in the words of the reading"',
    ...source(matching).map((line) => `  ${line}`),
  ];
}

/** The one real question: which section says this sentence (or, with one section, whether the reading says it). */
function placeholder(article: Article, cite: Citation): string[] {
  const { sections } = article;
  const at = sections.indexOf(cite.section);
  const others = sections.filter((_, index) => index !== at).slice(0, 3);
  const choices = [cite.section, ...others].sort((a, b) => sections.indexOf(a) - sections.indexOf(b));
  const options =
    sections.length >= 2
      ? choices.map((section) => `    - { id: ${section.id}, text: ${str(section.heading)}${section === cite.section ? ', correct: true' : ''} }`)
      : ['    - { id: says-it, text: "Yes, it says this", correct: true }', '    - { id: does-not, text: "No, it does not" }'];
  const prompt =
    sections.length >= 2 ? `Which section of the reading says: “${cite.quote}”?` : `Does the reading say: “${cite.quote}”?`;
  return [
    '# TODO: replace this placeholder question with your own. It is here so that the',
    '# file validates as it is: a module needs at least one quiz with one question.',
    '- id: placeholder-which-section',
    '  type: single-choice',
    `  prompt: ${str(prompt)}`,
    '  options:',
    ...options,
    `  explanation: ${str(`TODO: replace this placeholder. The sentence is in the section “${cite.section.heading}”.`)}`,
    ...source(cite).map((line) => `  ${line}`),
  ];
}

/**
 * The text of a new module file made from an article. It validates as it is
 * (`quizkit validate` finds no problem), and every value the author must
 * supply says `TODO`.
 *
 * @param article The article, read with `parseArticle`; it must have at least one section.
 * @param options The module id, the article's file name and the `$schema` reference.
 *
 * @returns The YAML text, ending with a newline.
 */
export function renderNewModule(article: Article, options: NewModuleOptions): string {
  if (article.sections.length === 0) throw new RangeError('The article has no text to make a reading from');
  const title = article.title ?? 'TODO: the module title';
  const cites = citations(article, 5);
  const [first, ...rest] = cites as [Citation, ...Citation[]];
  const lines = [
    `# yaml-language-server: $schema=${options.schema}`,
    `# A quizkit module made by \`quizkit new module ${options.id} --from ${options.from}\`.`,
    '# Fill in every TODO, write the quiz questions (examples of each type are',
    '# commented out below), then check the file with `quizkit validate <this file>`',
    '# and try it with `quizkit play <this file>`.',
    `id: ${options.id}`,
    `title: ${str(title)}${article.title ? '' : '  # TODO: the article has no title line'}`,
    '# summary: "TODO: one paragraph on what the module teaches (optional)"',
    'source:',
    `  title: ${str(title)}  # the title of the original work`,
    '  # TODO: say what you know of the original, and delete the lines you cannot fill in.',
    '  # author: "TODO: author or organisation"',
    '  # publisher: "TODO: publisher or outlet"',
    '  # url: "https://TODO.example/the-original"',
    '  # published: "TODO: publication date, as the source gives it"',
    '  # license: "TODO: the licence the text is used under"',
    `  attribution: ${str(`TODO: the credit line shown with the reading, e.g. “${title}”, by AUTHOR, PUBLISHER, DATE.`)}`,
    '',
    `# The reading, from ${options.from}: one section per heading, paragraphs verbatim.`,
    '# Questions cite a section by its id, so keep the ids stable once questions use them.',
    ...(article.emptyHeadings.length
      ? [`# Left out, as no text followed them: ${article.emptyHeadings.map((heading) => `“${heading}”`).join(', ')}.`]
      : []),
    'reading:',
    ...article.sections.flatMap((section) => [
      `  - id: ${section.id}`,
      `    heading: ${str(section.heading)}`,
      `    text: ${block(section.paragraphs.join('\n\n'), '      ')}`,
    ]),
    '',
    '# TODO: what a learner should be able to do after the module; questions list',
    '# the objectives they assess in `objectives: [id, …]`.',
    'objectives: []',
    '# objectives:',
    '#   - id: identify-actors',
    '#     text: "TODO: Identify … (start with a verb)"',
    '',
    'quizzes:',
    // Named after the module: quiz ids are part of xAPI activity ids, so two modules must not share one.
    `  - id: ${options.id.slice(0, 58)}-check`,
    '    title: "Check your reading"  # TODO: name the quiz',
    '    passMark: 50  # percent of the points needed to pass',
    '    questions:',
    ...placeholder(article, first).map((line) => (line ? `      ${line}` : '')),
    '',
    '      # Examples of each question type. Uncomment one (delete the "# " at the start',
    '      # of its lines), fill in its TODOs, and change its id.',
    ...commentOut(examples(rest), '      '),
    '',
  ];
  return lines.join('\n');
}
