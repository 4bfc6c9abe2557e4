import * as z from 'zod';
import { IdSchema, LintSettingsSchema, text } from './common.js';
import { issueParams } from './codes.js';
import { LIMITS } from './limits.js';
import { QuizSchema } from './quiz.js';
import { duplicateIds, normalizeWhitespace } from './refine.js';

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
  .superRefine((module, ctx) => {
    const sections = new Map(module.reading.map((section) => [section.id, normalizeWhitespace(section.text)]));
    const objectives = new Set(module.objectives.map((objective) => objective.id));
    const questionIds = new Map<string, string>();
    module.quizzes.forEach((quiz, q) => {
      quiz.questions.forEach((question, i) => {
        const at = ['quizzes', q, 'questions', i];
        const owner = questionIds.get(question.id);
        if (owner !== undefined && owner !== quiz.id) {
          ctx.addIssue({
            code: 'custom',
            params: issueParams('duplicate_id'),
            path: [...at, 'id'],
            message: `Question id "${question.id}" is already used in quiz "${owner}"; question ids must be unique in the module`,
          });
        }
        questionIds.set(question.id, quiz.id);
        const sectionText = sections.get(question.source.section);
        if (sectionText === undefined) {
          ctx.addIssue({
            code: 'custom',
            params: issueParams('unknown_section'),
            path: [...at, 'source', 'section'],
            message: `Section "${question.source.section}" is not in the reading; use one of: ${[...sections.keys()].join(', ')}`,
          });
        } else if (!sectionText.includes(normalizeWhitespace(question.source.quote))) {
          ctx.addIssue({
            code: 'custom',
            params: issueParams('quote_not_found'),
            path: [...at, 'source', 'quote'],
            message: `The quote is not verbatim in section "${question.source.section}"; copy it exactly from the reading (only whitespace may differ)`,
          });
        }
        question.objectives.forEach((objective, o) => {
          if (!objectives.has(objective)) {
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
  })
  .describe('A quizkit learning module: a reading, objectives and quizzes.');
