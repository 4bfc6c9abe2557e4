import { type Fraction, equals, parseFraction } from '../fraction/fraction.js';
import type { DeepReadonly, Question, Quiz } from '../schema/types.js';

/**
 * What GIFT cannot say but a quizkit round trip needs — option, statement and
 * actor ids, the rule, exact credits, points and weights, the quiz's id and
 * pass mark — written in comments Moodle ignores, in the style of its own
 * `// [id:…]`: `// [quizkit:rule=…;ids=a,b]` on a question and
 * `// [quizkit-quiz:id=…;passMark=…]` on a category. Ids are letters, digits,
 * `_` and `-`, and numbers are ratios, so no value holds `;`, `,`, `=` or `]`.
 */

type Fields = Record<string, string>;

const list = (values: readonly string[]) => values.join(',');
const ratio = (value: Fraction) => (value.d === 1 ? String(value.n) : `${value.n}/${value.d}`);
const write = (key: string, fields: Fields) =>
  `// [${key}:${Object.entries(fields)
    .map(([name, value]) => `${name}=${value}`)
    .join(';')}]`;

/** The question's comment: everything its GIFT lines lose. */
export function questionCarry(question: DeepReadonly<Question>, actorsInRowOrder: readonly string[] = []): string {
  const fields: Fields = { rule: question.rule.name };
  if (!equals(question.points, { n: 1, d: 1 })) fields.points = ratio(question.points);
  if (question.type === 'single-choice' || question.type === 'multiple-choice') {
    fields.ids = list(question.options.map((option) => option.id));
    if (question.options.some((option) => option.credit !== undefined)) fields.credits = list(question.options.map((option) => (option.credit ? ratio(option.credit) : '')));
    if (question.type === 'multiple-choice') fields.correct = list(question.options.filter((option) => option.correct).map((option) => option.id));
  } else if (question.type === 'matching') {
    fields.statements = list(question.statements.map((statement) => statement.id));
    fields.actors = list(actorsInRowOrder);
    const original = question.actors.map((actor) => actor.id);
    if (original.join(',') !== actorsInRowOrder.join(',')) fields.actorOrder = list(original);
    if (question.statements.some((statement) => statement.weight !== undefined)) {
      fields.weights = list(question.statements.map((statement) => (statement.weight ? ratio(statement.weight) : '')));
    }
    if (question.allowNoMatch) fields.noMatch = '1';
  }
  return write('quizkit', fields);
}

/** The quiz's comment, on its category. */
export function quizCarry(quiz: DeepReadonly<Quiz>): string {
  const fields: Fields = { id: quiz.id, passMark: ratio(quiz.passMark) };
  if (quiz.timeLimitSeconds !== undefined) fields.timeLimitSeconds = String(quiz.timeLimitSeconds);
  return write('quizkit-quiz', fields);
}

/** The fields of a `[key:…]` comment's content, or undefined when it does not read as `name=value;…`. */
export function readCarry(content: string | undefined): Fields | undefined {
  if (content === undefined) return undefined;
  const fields: Fields = Object.create(null);
  for (const part of content.split(';')) {
    const at = part.indexOf('=');
    if (at <= 0) return undefined;
    fields[part.slice(0, at).trim()] = part.slice(at + 1).trim();
  }
  return fields;
}

const ids = (value: string | undefined) => (value === undefined || value === '' ? [] : value.split(','));
const exact = (value: string) => (value === '' ? undefined : parseFraction(value));

type Input = Record<string, unknown> & { type: string };

/**
 * The imported question with what the comment carries put back, or the
 * reason it cannot be (the GIFT lines were edited: another number of answers).
 */
export function applyCarry(question: Input, fields: Fields): { readonly question: Input } | { readonly why: string } {
  const out: Input = { ...question };
  if (fields.rule) out.rule = { name: fields.rule };
  if (fields.points) out.points = fields.points;
  if (question.type === 'single-choice' || question.type === 'multiple-choice') {
    const options = question.options as Record<string, unknown>[];
    const optionIds = ids(fields.ids);
    if (optionIds.length !== options.length) return { why: `it names ${optionIds.length} options, the question has ${options.length}` };
    const credits = fields.credits === undefined ? undefined : fields.credits.split(',');
    if (credits && credits.length !== options.length) return { why: `it gives ${credits.length} credits for ${options.length} options` };
    const correct = new Set(ids(fields.correct));
    out.options = options.map((option, i) => {
      const { credit: _credit, correct: wasCorrect, ...rest } = option;
      const given = credits ? exact(credits[i]!) : undefined;
      const isCorrect = question.type === 'multiple-choice' ? correct.has(optionIds[i]!) : wasCorrect === true;
      return { ...rest, id: optionIds[i], ...(isCorrect ? { correct: true } : {}), ...(given ? { credit: `${given.n}/${given.d}` } : {}) };
    });
    return { question: out };
  }
  if (question.type === 'matching') {
    const statements = question.statements as Record<string, unknown>[];
    const actors = question.actors as { id: string; name: string }[];
    const statementIds = ids(fields.statements);
    const actorIds = ids(fields.actors);
    if (statementIds.length !== statements.length) return { why: `it names ${statementIds.length} statements, the question has ${statements.length}` };
    if (actorIds.length !== actors.length) return { why: `it names ${actorIds.length} actors, the question has ${actors.length}` };
    const renamed = new Map(actors.map((actor, i) => [actor.id, actorIds[i]!]));
    const weights = fields.weights === undefined ? undefined : fields.weights.split(',');
    out.statements = statements.map((statement, i) => {
      const weight = weights ? exact(weights[i] ?? '') : undefined;
      const actor = statement.actor === null ? null : renamed.get(statement.actor as string);
      return { ...statement, id: statementIds[i], actor, ...(weight ? { weight: `${weight.n}/${weight.d}` } : {}) };
    });
    const byId = new Map(actors.map((actor, i) => [actorIds[i]!, { ...actor, id: actorIds[i]! }]));
    const order = fields.actorOrder ? ids(fields.actorOrder) : actorIds;
    if (order.length !== actors.length || order.some((id) => !byId.has(id))) return { why: 'its actor order does not name the same actors' };
    out.actors = order.map((id) => byId.get(id)!);
    if (fields.noMatch === '1') out.allowNoMatch = true;
    else delete out.allowNoMatch;
    return { question: out };
  }
  return { question: out };
}
