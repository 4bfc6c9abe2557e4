// Issue #17: item-writing checks, each triggered and not, at file:line:column.
import { describe, expect, it } from 'vitest';
import { lintModule, parseModuleSource } from '../../src/node/index.js';
import { northKoreaChina } from '../../src/modules/index.js';
import { BASE_MODULE, spoil } from '../helpers/module-source.js';

function lint(text: string) {
  const parsed = parseModuleSource(text, { file: 'm.yaml' });
  if (!parsed.success) throw new Error(JSON.stringify(parsed.issues));
  return lintModule(parsed.data, { file: 'm.yaml', text }).map((w) => `${w.code} ${w.line}:${w.column}`);
}
const threeItems = (text: string) => spoil("          - { id: second, text: Choe meets Wang }", "          - { id: second, text: Choe meets Wang }\n          - { id: third, text: Party anniversary }", text).replace('correctOrder: [first, second]', 'correctOrder: [first, second, third]');
const clean = threeItems(BASE_MODULE);

describe('issue #17: quizkit lint rules', () => {
  it('a two-item ordering is flagged; with a third item the base module is clean', () => {
    expect(lint(BASE_MODULE)).toEqual(['two-item-ordering 41:11']);
    expect(lint(clean)).toEqual([]);
  });

  it.each([
    ['longest-key', spoil('{ id: a, text: Beijing, correct: true }', '{ id: a, text: "Beijing, the capital of the People\'s Republic", correct: true }', clean), 'longest-key 23:28'],
    ['all-none-of-the-above', spoil('{ id: b, text: Seoul }', '{ id: b, text: None of the above }', clean), 'all-none-of-the-above 24:28'],
    ['absolute-words', spoil('{ id: b, text: Seoul }', '{ id: b, text: Always Seoul }', clean), 'absolute-words 24:28'],
    ['duplicate-options', spoil('{ id: b, text: Seoul }', '{ id: b, text: beijing }', clean), 'duplicate-options 24:28'],
    ['unstated-negative-marking', spoil('{ id: b, text: Seoul }', '{ id: b, text: Seoul, credit: -0.5 }', clean), 'unstated-negative-marking 18:17'],
  ])('%s', (rule, text, expected) => {
    // "None of the above" is also an absolute word in a distractor.
    expect(lint(text)).toEqual(rule === 'all-none-of-the-above' ? [expected, 'absolute-words 24:28'] : [expected]);
  });

  it('negative marking the prompt states is not flagged', () => {
    const text = spoil('{ id: b, text: Seoul }', '{ id: b, text: Seoul, credit: -0.5 }', spoil('prompt: Where?', 'prompt: Where? (A wrong answer costs half a point.)', clean));
    expect(lint(text)).toEqual([]);
  });

  it('every-decision-counts is flagged only when one wrong tick alone earns more than 1/3', () => {
    const edc = spoil('rule: { name: right-minus-wrong }', 'rule: { name: every-decision-counts }', clean);
    // Kim, Xi right, Abe wrong: ticking Abe alone gets Abe wrong and Kim, Xi wrong (left out): 0 of 3 — not flagged.
    expect(lint(edc)).toEqual([]);
    const generous = spoil('          - { id: abe, text: Abe }', '          - { id: abe, text: Abe }\n          - { id: mao, text: Mao }\n          - { id: sun, text: Sun }\n          - { id: deng, text: Deng }', edc);
    expect(lint(generous)).toEqual(['generous-every-decision-counts 37:15']);
  });

  it('lint: { ignore } on a question or the module skips a rule there', () => {
    expect(lint(spoil('        correctOrder: [first, second]', '        correctOrder: [first, second]\n        lint: { ignore: [two-item-ordering] }  # two events only', BASE_MODULE))).toEqual([]);
    expect(lint(`lint: { ignore: [two-item-ordering] }\n${BASE_MODULE}`)).toEqual([]);
  });

  it('finds what the article module review found (issue #17, points 1 and 2)', () => {
    const found = lintModule(northKoreaChina).map((w) => `${w.code} ${northKoreaChina.quizzes[w.path[1] as number]!.questions[w.path[3] as number]!.id}`);
    expect(found).toEqual(
      expect.arrayContaining([
        'unstated-negative-marking who-met-in-beijing',
        'generous-every-decision-counts confrontation-issues',
        'cross-item-cue opposition-who-said',
      ]),
    );
  });
});
