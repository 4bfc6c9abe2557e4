import fc from 'fast-check';
import { parseModuleSource } from 'quizkit/node';
import { QUIZ_ISSUE_CODES, SAFE_ID, parseModule } from 'quizkit/schema';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';

const id = fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_-]{0,9}$/).filter((value) => SAFE_ID.test(value));
// Any text, not blank: Unicode at large, or pieces that YAML reads specially (": ", "#", "null", "- ", …).
const yamlHostile = fc
  .array(
    fc.constantFrom('a', ' ', ': ', ' #', '- ', '"', "'", '\n', '\r\n', '\t', 'null', 'true', 'yes', '1e3', '0x1', '[', '{', '&x', '*x', '|', '>', '%', '@', '`', '\\', '---', '...', '~'),
    { minLength: 1, maxLength: 8 },
  )
  .map((parts) => parts.join(''));
const text = fc
  .oneof(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 30 }), yamlHostile)
  .filter((value) => value.trim().length > 0);
const ids = (min: number, max: number) => fc.uniqueArray(id, { minLength: min, maxLength: max });
const points = fc.option(fc.constantFrom(1, 2, 0.5, '3/2'), { nil: undefined });

type Section = { id: string; heading: string; text: string };

/** A quote: a slice of a section's text that is not blank, else the whole text. */
const quoteFrom = (section: Section) =>
  fc.tuple(fc.nat(), fc.nat()).map(([a, b]) => {
    const chars = Array.from(section.text);
    const [from, to] = [a % chars.length, b % chars.length].sort((x, y) => x - y) as [number, number];
    const slice = chars.slice(from, to + 1).join('');
    return slice.trim() ? slice : section.text;
  });

const question = (sections: Section[], objectiveIds: string[]) =>
  fc.constantFrom(...sections).chain((section) =>
    fc.record({
      base: fc.record({
        prompt: text,
        explanation: text,
        source: quoteFrom(section).map((quote) => ({ section: section.id, quote })),
        objectives: fc.subarray(objectiveIds),
        points,
      }),
      body: fc.oneof(
        ids(2, 4).chain((optionIds) =>
          fc.record({ correct: fc.nat(optionIds.length - 1), texts: fc.array(text, { minLength: optionIds.length, maxLength: optionIds.length }) }).map(
            ({ correct, texts }) => ({
              type: 'single-choice',
              options: optionIds.map((optionId, i) => ({ id: optionId, text: texts[i], ...(i === correct ? { correct: true } : { credit: '1/3' }) })),
            }),
          ),
        ),
        ids(2, 4).chain((optionIds) =>
          fc.array(fc.boolean(), { minLength: optionIds.length, maxLength: optionIds.length }).map((flags) => ({
            type: 'multiple-choice',
            options: optionIds.map((optionId, i) => ({ id: optionId, text: `option ${i}`, correct: flags[i] || i === 0 })),
            rule: { name: 'every-decision-counts' },
          })),
        ),
        ids(2, 4).chain((itemIds) =>
          fc.shuffledSubarray(itemIds, { minLength: itemIds.length, maxLength: itemIds.length }).map((order) => ({
            type: 'ordering',
            items: itemIds.map((itemId) => ({ id: itemId, text: `item ${itemId}` })),
            correctOrder: order,
          })),
        ),
        fc.tuple(ids(2, 3), ids(1, 3), fc.boolean()).chain(([actorIds, statementIds, allowNoMatch]) =>
          fc
            .array(fc.constantFrom(...actorIds, ...(allowNoMatch ? [null] : [])), {
              minLength: statementIds.length,
              maxLength: statementIds.length,
            })
            .map((owners) => ({
              type: 'matching',
              actors: actorIds.map((actorId) => ({ id: actorId, name: actorId })),
              statements: statementIds.map((statementId, i) => ({ id: statementId, text: statementId, actor: owners[i] })),
              allowNoMatch,
            })),
        ),
      ),
    }),
  );

/** Valid modules as an author would write them (optional fields left out when undefined). */
const validModule = fc
  .record({
    id,
    title: text,
    sections: fc.uniqueArray(fc.record({ id, heading: text, text }), { minLength: 1, maxLength: 3, selector: (s) => s.id }),
    objectiveIds: ids(0, 3),
    quizIds: ids(1, 2),
    questionIds: ids(2, 6),
  })
  .chain(({ id: moduleId, title, sections, objectiveIds, quizIds, questionIds }) =>
    fc.array(question(sections, objectiveIds), { minLength: questionIds.length, maxLength: questionIds.length }).map((questions) => {
      const all = questions.map(({ base, body }, i) => JSON.parse(JSON.stringify({ id: questionIds[i], ...base, ...body })));
      return {
        id: moduleId,
        title,
        source: { title: 'Source', attribution: 'By someone.' },
        reading: sections,
        objectives: objectiveIds.map((objectiveId) => ({ id: objectiveId, text: 'Do something.' })),
        quizzes: quizIds.map((quizId, q) => ({
          id: quizId,
          title: `Quiz ${q + 1}`,
          // Every quiz gets at least one question; the rest go to the first quiz.
          questions: all.filter((_, i) => (i < quizIds.length ? i === q : q === 0)),
        })),
      };
    }),
  );

describe('parseModuleSource properties', () => {
  it('parses any valid module the same from YAML and JSON, as parseModule does the value', () => {
    fc.assert(
      fc.property(validModule, (module) => {
        const expected = parseModule(module);
        const yaml = parseModuleSource(stringify(module), { file: 'm.yaml' });
        const json = parseModuleSource(JSON.stringify(module, null, 2), { file: 'm.json' });
        expect(yaml).toEqual({ success: true, data: expected });
        expect(json).toEqual({ success: true, data: expected });
      }),
      { numRuns: 100 },
    );
  }, 30_000);

  it('puts an unknown field at its key, in YAML and in JSON', () => {
    fc.assert(
      fc.property(validModule, fc.nat(), (module, pick) => {
        const quiz = module.quizzes[pick % module.quizzes.length]!;
        const target = quiz.questions[pick % quiz.questions.length] as Record<string, unknown>;
        target.zzExtra = 1;
        for (const [file, source, key] of [
          ['m.yaml', stringify(module), 'zzExtra'],
          ['m.json', JSON.stringify(module, null, 2), '"zzExtra"'],
        ] as const) {
          const result = parseModuleSource(source, { file });
          expect(result.success).toBe(false);
          if (result.success) return;
          expect(result.issues.map((issue) => issue.code)).toEqual(['unknown_field']);
          const [issue] = result.issues;
          const line = source.split('\n')[issue.line! - 1]!;
          expect(line.slice(issue.column! - 1).startsWith(key)).toBe(true);
        }
      }),
      { numRuns: 100 },
    );
  }, 30_000);

  const yamlSoup = fc
    .array(
      fc.constantFrom('[', ']', '{', '}', ': ', '- ', '? ', ',', '\n', '  ', '\t', '&a ', '*a', '*b', '!t ', '!!str ', '"', "'", '# c', '---\n', '...\n', '%YAML 1.2\n', '|\n', '>-\n', 'id', 'quizzes', 'x', '1', 'null', '\\', '\uFEFF', '\r\n'),
      { maxLength: 60 },
    )
    .map((parts) => parts.join(''));

  it('never throws on junk: every problem is an issue with a known code and a position', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary' }), yamlSoup), fc.constantFrom('m.yaml', 'm.json'), (source, file) => {
        const result = parseModuleSource(source, { file });
        if (result.success) return;
        for (const issue of result.issues) {
          expect(QUIZ_ISSUE_CODES).toContain(issue.code);
          expect(issue.file).toBe(file);
          expect(Number.isInteger(issue.line) && issue.line! >= 1).toBe(true);
          expect(Number.isInteger(issue.column) && issue.column! >= 1).toBe(true);
        }
      }),
      { numRuns: 500 },
    );
  }, 30_000);
});
