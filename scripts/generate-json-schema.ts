/**
 * Writes `quiz.schema.json`, the JSON Schema of a module file as an author
 * writes it, from the zod schemas (`toModuleJsonSchema()`). The file is
 * generated: edit the schemas, then run
 *
 *     npx tsx scripts/generate-json-schema.ts
 *
 * `tests/schema/json-schema.test.ts` fails when the committed file drifts.
 */
import { writeFile } from 'node:fs/promises';
import { toModuleJsonSchema } from '../src/schema/json-schema.js';

const target = new URL('../quiz.schema.json', import.meta.url);
await writeFile(target, `${JSON.stringify(toModuleJsonSchema(), null, 2)}\n`);
console.log(`Wrote ${target.pathname}`);
