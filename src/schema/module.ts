import * as z from 'zod';
import { IdSchema, LintSettingsSchema, text } from './common.js';
import { issueParams } from './codes.js';
import { LIMITS } from './limits.js';
import { QuizSchema } from './quiz.js';
import { duplicateIds, normalizeWhitespace } from './refine.js';
import { directionField, languageField } from './scalars.js';

/**
 * Where the module's reading comes from, and how to credit it: `title` and
 * `attribution` are required; `author`, `publisher`, `url`, `published` and
 * `license` are optional.
 *
 * @example
 * ```ts
 * import { ModuleSourceSchema } from 'quizkit/schema';
 * ModuleSourceSchema.safeParse({ title: 'A small atlas' }).success; //=> false
 * ModuleSourceSchema.parse({ title: 'A small atlas', attribution: 'After “A small atlas”.', license: 'CC BY 4.0' }).license; //=> 'CC BY 4.0'
 * ```
 */
export const ModuleSourceSchema = z
  .strictObject({
    title: text(LIMITS.shortText, 'Title of the original work.'),
    author: text(LIMITS.shortText, 'Author or organisation.').optional(),
    publisher: text(LIMITS.shortText, 'Publisher or outlet.').optional(),
    url: z.string().url().max(2_000).optional().describe('Where the original can be found.'),
    published: z.string().max(100).optional().describe('Publication date, as the source gives it.'),
    license: text(LIMITS.shortText, 'The licence under which the text is used.').optional(),
    attribution: text(LIMITS.longText, 'The credit line shown with the reading.'),
  })
  .describe('The source of the reading, with attribution.');

/**
 * A section of the reading, cited by questions through its stable id. Texts
 * are trimmed; paragraphs are separated by blank lines.
 *
 * @example
 * ```ts
 * import { SectionSchema } from 'quizkit/schema';
 * SectionSchema.parse({ id: 'road-ahead', heading: ' The Road Ahead ', text: 'Looking forward, …' }).heading; //=> 'The Road Ahead'
 * ```
 */
export const SectionSchema = z
  .strictObject({
    id: IdSchema.describe('Section id, stable across edits: questions cite it.'),
    heading: text(LIMITS.shortText, 'The section heading.'),
    text: text(LIMITS.sectionText, 'The section text; paragraphs separated by blank lines.'),
  })
  .describe('A section of the reading.');

/**
 * What a learner should be able to do after the module; questions list the
 * objectives they assess by id.
 *
 * @example
 * ```ts
 * import { ObjectiveSchema } from 'quizkit/schema';
 * ObjectiveSchema.safeParse({ id: 'order-events', text: 'Place events in order.' }).success; //=> true
 * ObjectiveSchema.safeParse({ id: 'order events', text: 'Place events in order.' }).success; //=> false
 * ```
 */
export const ObjectiveSchema = z
  .strictObject({
    id: IdSchema.describe('Objective id, unique in the module.'),
    text: text(LIMITS.shortText, 'The objective, starting with a verb ("Identify ...").'),
  })
  .describe('A learning objective.');

/**
 * A learning module: a reading split into sections, learning objectives and
 * one or more quizzes grounded in the reading. Cross-field rules: ids unique,
 * every cited section and objective exists, every quote is verbatim.
 *
 * @example
 * ```ts
 * import { ModuleSchema } from 'quizkit/schema';
 * const result = ModuleSchema.safeParse({ id: 'm', title: 'M' });
 * result.success; //=> false
 * ```
 */
export const ModuleSchema = z
  .strictObject({
    $schema: z.string().optional().describe('The JSON Schema this file follows, for editors.'),
    id: IdSchema.describe('Module id.'),
    title: text(LIMITS.shortText, 'The module title.'),
    summary: text(LIMITS.longText, 'One paragraph on what the module teaches.').optional(),
    language: languageField('module'),
    direction: directionField('module'),
    source: ModuleSourceSchema,
    reading: z
      .array(SectionSchema)
      .min(1, { message: 'The reading needs at least 1 section' })
      .max(LIMITS.sectionsPerModule)
      .superRefine((sections, ctx) => duplicateIds(sections, ctx, 'section'))
      .describe('The reading, in order, split into sections.'),
    objectives: z
      .array(ObjectiveSchema)
      .max(LIMITS.objectivesPerModule)
      .default([])
      .superRefine((objectives, ctx) => duplicateIds(objectives, ctx, 'objective'))
      .describe('The learning objectives.'),
    quizzes: z
      .array(QuizSchema)
      .min(1, { message: 'A module needs at least 1 quiz' })
      .max(LIMITS.quizzesPerModule)
      .superRefine((quizzes, ctx) => duplicateIds(quizzes, ctx, 'quiz'))
      .describe('The quizzes on the reading.'),
    lint: LintSettingsSchema.optional().describe('Settings for `quizkit lint` on the whole module file.'),
  })
  // Run even when some of the module is malformed (issue #18.8): an author fixing a type error
  // should not then meet a wrong quote for the first time. Each check reads only what is sound.
  .superRefine((module, ctx) => checkReferences(module, ctx), { when: () => true })
  .describe('A quizkit learning module: a reading, objectives and quizzes.');

type RefinementContext = Parameters<Parameters<z.ZodType['superRefine']>[0]>[1];
const isRecord = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object' && !Array.isArray(value);
const listOf = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
const stringAt = (value: unknown, key: string): string | undefined => (isRecord(value) && typeof value[key] === 'string' ? value[key] : undefined);

/**
 * The module-wide rules: question ids unique across quizzes, cited sections
 * and objectives exist, quotes are verbatim. The module may be partly
 * malformed here, so every value is checked before it is read, and a rule is
 * skipped where its reference list is itself unsound (a reading with a broken
 * section would make every citation of it look unknown).
 */
function checkReferences(module: unknown, ctx: RefinementContext): void {
  if (!isRecord(module)) return;
  const reading = listOf(module.reading);
  // Sound means each entry passes its own schema: a section with a malformed id is not a section to cite.
  const readingSound = Array.isArray(module.reading) && reading.every((section) => SectionSchema.safeParse(section).success);
  const sections = new Map(readingSound ? reading.map((section) => [stringAt(section, 'id')!, normalizeWhitespace(stringAt(section, 'text')!)]) : []);
  const objectiveList = module.objectives === undefined ? [] : listOf(module.objectives);
  const objectivesSound = (module.objectives === undefined || Array.isArray(module.objectives)) && objectiveList.every((objective) => ObjectiveSchema.safeParse(objective).success);
  const objectives = new Set(objectiveList.map((objective) => stringAt(objective, 'id')));
  const questionIds = new Map<string, string>();
  listOf(module.quizzes).forEach((quiz, q) => {
    const quizId = stringAt(quiz, 'id');
    listOf(isRecord(quiz) ? quiz.questions : undefined).forEach((question, i) => {
      if (!isRecord(question)) return;
      const at = ['quizzes', q, 'questions', i];
      const id = stringAt(question, 'id');
      if (id !== undefined && quizId !== undefined) {
        const owner = questionIds.get(id);
        if (owner !== undefined && owner !== quizId) {
          ctx.addIssue({
            code: 'custom',
            params: issueParams('duplicate_id'),
            path: [...at, 'id'],
            message: `Question id "${id}" is already used in quiz "${owner}"; question ids must be unique in the module`,
          });
        }
        questionIds.set(id, quizId);
      }
      const section = stringAt(question.source, 'section');
      const quote = stringAt(question.source, 'quote');
      if (readingSound && section !== undefined) {
        const sectionText = sections.get(section);
        if (sectionText === undefined) {
          ctx.addIssue({
            code: 'custom',
            params: issueParams('unknown_section'),
            path: [...at, 'source', 'section'],
            message: `Section "${section}" is not in the reading; use one of: ${[...sections.keys()].join(', ')}`,
          });
        } else if (quote !== undefined && !sectionText.includes(normalizeWhitespace(quote))) {
          ctx.addIssue({
            code: 'custom',
            params: issueParams('quote_not_found'),
            path: [...at, 'source', 'quote'],
            message: `The quote is not verbatim in section "${section}"; copy it exactly from the reading (only whitespace may differ)`,
          });
        }
      }
      if (!objectivesSound) return;
      listOf(question.objectives).forEach((objective, o) => {
        if (typeof objective === 'string' && !objectives.has(objective)) {
          ctx.addIssue({
            code: 'custom',
            params: issueParams('unknown_objective'),
            path: [...at, 'objectives', o],
            message: `Objective "${objective}" is not defined in the module's objectives; use one of: ${[...objectives].join(', ') || '(none defined)'}`,
          });
        }
      });
    });
  });
}
