import * as z from 'zod';
import { ModuleSchema } from './module.js';

/**
 * The JSON Schema (draft 2020-12) of a module file as an author writes it,
 * generated from the zod schemas. The package ships it as
 * `quizkit/quiz.schema.json` for editor autocompletion.
 *
 * @example
 * ```ts
 * import { toModuleJsonSchema } from 'quizkit/schema';
 * toModuleJsonSchema().type; //=> 'object'
 * ```
 */
export function toModuleJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(ModuleSchema, { io: 'input', target: 'draft-2020-12' });
  return {
    ...schema,
    $id: 'https://unpkg.com/quizkit/quiz.schema.json',
    $comment: 'Generated from the zod schemas by scripts/generate-json-schema.ts; do not edit.',
    title: 'quizkit learning module',
  };
}
