import { readFileSync } from 'node:fs';
import { exportGift, exportMoodleXml, fromGift } from 'quizkit/gift';
import { northKoreaChina } from 'quizkit/modules';
import { describe, expect, it } from 'vitest';

const doc = readFileSync(new URL('../../docs/interop.md', import.meta.url), 'utf8');
const start = doc.indexOf('\n## GIFT and Moodle XML\n');
const section = doc.slice(start, doc.indexOf('\n## ', start + 1) === -1 ? undefined : doc.indexOf('\n## ', start + 1));
const fence = /```(\w+)\n([\s\S]*?)```/g;

describe('docs/interop.md, GIFT and Moodle XML', () => {
  const blocks = [...section.matchAll(fence)].map(([, language, body]) => ({ language, body: body! }));

  it('has the section', () => {
    expect(start).toBeGreaterThan(-1);
  });

  it('shows a GIFT excerpt that is exactly what toGift writes for the article module', () => {
    const gift = blocks.filter((b) => b.language === 'gift');
    expect(gift).toHaveLength(1);
    expect(exportGift(northKoreaChina).text).toContain(gift[0]!.body);
  });

  it('shows a Moodle XML excerpt that is exactly what toMoodleXml writes for the article module', () => {
    const xml = blocks.filter((b) => b.language === 'xml');
    expect(xml).toHaveLength(1);
    expect(exportMoodleXml(northKoreaChina).text).toContain(xml[0]!.body);
  });

  it('states the numbers its code examples give', () => {
    const gift = exportGift(northKoreaChina);
    expect(gift.notes.filter((note) => note.code === 'skipped')).toHaveLength(2);
    expect(exportMoodleXml(northKoreaChina).notes).toHaveLength(6);
    expect(fromGift(gift.text).quizzes).toHaveLength(2);
    const { quizzes, issues } = fromGift('::capital::Capital of France?{=Paris ~%-50%Lyon#No.}\n\n::pi::Pi?{#3.14:0.005}');
    expect(quizzes[0]?.questions[0]).toMatchObject({
      id: 'capital',
      type: 'single-choice',
      prompt: 'Capital of France?',
      explanation: expect.stringMatching(/^TODO: /),
      source: { section: 'todo' },
      options: [
        { id: 'paris', text: 'Paris', correct: true },
        { id: 'lyon', text: 'Lyon', feedback: 'No.', credit: '-1/2' },
      ],
    });
    expect(issues.map((issue) => `${issue.line}:${issue.column} ${issue.severity} ${issue.code}`)).toEqual([
      '1:1 warning needs_source',
      '3:1 error unsupported_question',
    ]);
  });
});
