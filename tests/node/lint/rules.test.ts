import { describe, expect, it } from 'vitest';
import { at, lint, moduleText, multipleChoice, singleChoice } from './helpers.js';

describe('longest-key', () => {
  it('flags a keyed option at least 25% longer than every distractor, at the key', () => {
    const text = moduleText(
      singleChoice('q1', 'Who met Xi?', [
        '{ id: a, text: Kim Jong Un of North Korea as leader, correct: true }',
        '{ id: b, text: Vladimir Putin }',
        '{ id: c, text: Joe Biden }',
      ]),
    );
    expect(lint(text, 'longest-key')).toEqual([`${at(text, 'Kim Jong Un of')} longest-key`]);
  });

  it('leaves a short key alone even when it is much longer in proportion ("Beijing" and "Seoul")', () => {
    const text = moduleText(singleChoice('q1', 'Where?', ['{ id: a, text: Beijing, correct: true }', '{ id: b, text: Seoul }']));
    expect(lint(text, 'longest-key')).toEqual([]);
  });

  it('leaves a key within the margin of the longest distractor alone', () => {
    const text = moduleText(
      singleChoice('q1', 'Who met Xi?', ['{ id: a, text: Kim Jong Un, correct: true }', '{ id: b, text: Vladimir Putin }', '{ id: c, text: Joe Biden }']),
    );
    expect(lint(text, 'longest-key')).toEqual([]);
  });
});

describe('all-none-of-the-above', () => {
  it('flags "None of the above" and "all of these", at the option', () => {
    const text = moduleText(
      multipleChoice('q1', 'Who met Xi?', ['{ id: a, text: Kim, correct: true }', '{ id: b, text: All of these }', '{ id: c, text: None of the above }']),
    );
    expect(lint(text, 'all-none-of-the-above')).toEqual([
      `${at(text, 'All of these')} all-none-of-the-above`,
      `${at(text, 'None of the above')} all-none-of-the-above`,
    ]);
  });

  it('does not flag "all" or "none" used about the content', () => {
    const text = moduleText(
      singleChoice('q1', 'What did Wang oppose?', ['{ id: a, text: All forms of hegemonism, correct: true }', '{ id: b, text: None of the talks }']),
    );
    expect(lint(text, 'all-none-of-the-above')).toEqual([]);
  });
});

describe('absolute-words', () => {
  it('flags a distractor with "always", "never", "only", "all" or "none" when no key has one', () => {
    const text = moduleText(
      singleChoice('q1', 'How often do they meet?', [
        '{ id: a, text: Once a year, correct: true }',
        '{ id: b, text: They never meet }',
        '{ id: c, text: Twice a year }',
      ]),
    );
    expect(lint(text, 'absolute-words')).toEqual([`${at(text, 'They never meet')} absolute-words`]);
  });

  it('does not flag when a keyed option uses an absolute word too', () => {
    const text = moduleText(
      singleChoice('q1', 'How often do they meet?', [
        '{ id: a, text: Only once a year, correct: true }',
        '{ id: b, text: They never meet }',
      ]),
    );
    expect(lint(text, 'absolute-words')).toEqual([]);
  });
});

describe('duplicate-options', () => {
  it('flags an option that repeats another (case, punctuation) or nearly does, at the later one', () => {
    const text = moduleText(
      singleChoice('q1', 'Who met Xi?', [
        '{ id: a, text: Kim Jong Un, correct: true }',
        '{ id: b, text: "kim jong-un" }',
        '{ id: c, text: The foreign ministers of China and North Korea meet }',
        '{ id: d, text: The foreign ministers of North Korea and China meet }',
      ]),
    );
    expect(lint(text, 'duplicate-options')).toEqual([
      `${at(text, '"kim jong-un"')} duplicate-options`,
      `${at(text, 'The foreign ministers of North Korea')} duplicate-options`,
    ]);
  });

  it('does not flag options that share a name but differ in what they say', () => {
    const text = moduleText(
      singleChoice('q1', 'Who met Xi?', ['{ id: a, text: Kim Jong Un, correct: true }', '{ id: b, text: Kim Jong Un and Vladimir Putin }']),
    );
    expect(lint(text, 'duplicate-options')).toEqual([]);
  });
});

describe('two-item-ordering', () => {
  const ordering = (items: readonly string[]) => [
    '- id: o1',
    '  type: ordering',
    '  prompt: Put them in order.',
    '  explanation: E.',
    '  source: { section: s1, quote: in Beijing }',
    '  items:',
    ...items.map((id) => `    - { id: ${id}, text: Event ${id} }`),
    `  correctOrder: [${items.join(', ')}]`,
  ];

  it('flags an ordering of two items, at its items', () => {
    const text = moduleText(ordering(['a', 'b']));
    expect(lint(text, 'two-item-ordering')).toEqual([`${at(text, '- { id: a')} two-item-ordering`]);
  });

  it('does not flag an ordering of three', () => {
    expect(lint(moduleText(ordering(['a', 'b', 'c'])), 'two-item-ordering')).toEqual([]);
  });
});

describe('todo-placeholder', () => {
  it('flags a placeholder left by new, import or draft, at its text', () => {
    const text = moduleText(singleChoice('q1', '"TODO: ask about the meeting"', ['{ id: a, text: Beijing, correct: true }', '{ id: b, text: Seoul }']));
    expect(lint(text, 'todo-placeholder')).toEqual([`${at(text, '"TODO: ask')} todo-placeholder`]);
  });

  it('does not flag “todo” in lower case or inside a word', () => {
    const text = moduleText(singleChoice('q1', 'What is on the todo list of TODOS?', ['{ id: a, text: Beijing, correct: true }', '{ id: b, text: Seoul }']));
    expect(lint(text, 'todo-placeholder')).toEqual([]);
  });
});

describe('undisclosed-penalty', () => {
  const cfg = ['rule: { name: correction-for-guessing }'];
  const options = ['{ id: a, text: Beijing, correct: true }', '{ id: b, text: Seoul }', '{ id: c, text: Tokyo }'];

  it('flags a single choice that can score below zero when neither prompt nor quiz says so, at its rule', () => {
    const text = moduleText(singleChoice('q1', 'Where did Kim meet Xi?', options, cfg));
    const [warning] = lint(text, 'undisclosed-penalty');
    expect(warning).toBe(`${at(text, '{ name: correction')} undisclosed-penalty`);
  });

  it('reports the exact worst score, from the scorer', async () => {
    const { warningsOf } = await import('./helpers.js');
    const text = moduleText(singleChoice('q1', 'Where did Kim meet Xi?', ['{ id: a, text: Beijing, correct: true }', '{ id: b, text: Seoul, credit: "-1/4" }']));
    expect(warningsOf(text).find((w) => w.rule === 'undisclosed-penalty')?.message).toContain('choosing "b" scores -1/4');
  });

  it('flags a multiple choice scored with a correction for guessing', () => {
    const text = moduleText(multipleChoice('q1', 'Where did they meet?', options, cfg));
    expect(lint(text, 'undisclosed-penalty')).toEqual([`${at(text, '{ name: correction')} undisclosed-penalty`]);
  });

  it('does not flag when the prompt says so, or the quiz description does', () => {
    const warned = moduleText(singleChoice('q1', 'Where did Kim meet Xi? A wrong answer costs a third of a point.', options, cfg));
    expect(lint(warned, 'undisclosed-penalty')).toEqual([]);
    const quizSays = moduleText(singleChoice('q1', 'Where did Kim meet Xi?', options, cfg), { description: 'Wrong answers carry a penalty.' });
    expect(lint(quizSays, 'undisclosed-penalty')).toEqual([]);
  });

  it('does not flag option-credit without negative credit', () => {
    expect(lint(moduleText(singleChoice('q1', 'Where did Kim meet Xi?', options)), 'undisclosed-penalty')).toEqual([]);
  });
});

describe('wrong-tick-credit', () => {
  const five = [
    '{ id: a, text: Kim, correct: true }',
    '{ id: b, text: Xi, correct: true }',
    '{ id: c, text: Biden }',
    '{ id: d, text: Macron }',
    '{ id: e, text: Modi }',
  ];

  it('flags every-decision-counts where one wrong tick alone earns 2/5 (> 1/3), with the exact figures', async () => {
    const { warningsOf } = await import('./helpers.js');
    const text = moduleText(multipleChoice('q1', 'Who met in Beijing?', five, ['rule: { name: every-decision-counts }']));
    expect(lint(text, 'wrong-tick-credit')).toEqual([`${at(text, '{ name: every')} wrong-tick-credit`]);
    const message = warningsOf(text).find((w) => w.rule === 'wrong-tick-credit')?.message;
    expect(message).toContain('earns 2/5');
    expect(message).toContain('one keyed option alone earns 4/5');
  });

  it('uses the threshold given: at 1/2, 2/5 passes', () => {
    const text = moduleText(multipleChoice('q1', 'Who met in Beijing?', five, ['rule: { name: every-decision-counts }']));
    expect(lint(text, 'wrong-tick-credit', { wrongTickThreshold: { n: 1, d: 2 } })).toEqual([]);
  });

  it('does not flag right-minus-wrong, where a lone wrong tick earns 0', () => {
    const text = moduleText(multipleChoice('q1', 'Who met in Beijing?', five, ['rule: { name: right-minus-wrong }']));
    expect(lint(text, 'wrong-tick-credit')).toEqual([]);
  });
});

describe('self-excluding-distractor', () => {
  it('flags a distractor naming the person the stem names, when no key does', () => {
    const text = moduleText(
      singleChoice('q1', 'What did North Korea say it would do?', [
        '{ id: a, text: Work closely with China, correct: true }',
        '{ id: b, text: Strengthen cooperation with North Korea }',
      ]),
    );
    expect(lint(text, 'self-excluding-distractor')).toEqual([`${at(text, 'Strengthen cooperation')} self-excluding-distractor`]);
  });

  it('flags a distractor that is the stem’s own subject', () => {
    const text = moduleText(
      singleChoice('q1', 'Whom did Kim Jong Un meet in Beijing?', ['{ id: a, text: Xi Jinping, correct: true }', '{ id: b, text: Kim Jong Un }']),
    );
    expect(lint(text, 'self-excluding-distractor')).toEqual([`${at(text, 'Kim Jong Un }')} self-excluding-distractor`]);
  });

  it('flags a matching statement that names another actor', () => {
    const text = moduleText([
      '- id: m1',
      '  type: matching',
      '  prompt: Who said it?',
      '  explanation: E.',
      '  source: { section: s1, quote: in Beijing }',
      '  actors: [{ id: wang, name: Wang Yi }, { id: media, name: Chinese media }]',
      '  statements:',
      '    - { id: s1, text: Declared opposition to hegemonism, actor: wang }',
      '    - { id: s2, text: Confirmed Wang Yi’s declaration, actor: media }',
    ]);
    expect(lint(text, 'self-excluding-distractor')).toEqual([`${at(text, 'Confirmed Wang')} self-excluding-distractor`]);
  });

  it('does not flag a name that the key shares, or one the stem does not name', () => {
    const text = moduleText(
      singleChoice('q1', 'What does the article say about China?', [
        '{ id: a, text: How far China is involved remains to be seen, correct: true }',
        '{ id: b, text: China declined to take part }',
        '{ id: c, text: North Korea leads it }',
      ]),
    );
    expect(lint(text, 'self-excluding-distractor')).toEqual([]);
  });
});

describe('cross-item-cueing', () => {
  const wangOpposes = singleChoice('wang-opposes', 'What did Wang Yi declare opposition to?', [
    '{ id: a, text: All forms of hegemonism, correct: true }',
    '{ id: b, text: Unilateralism }',
  ]);

  it('flags a text of one question that holds the key of another of the same quiz, at that text', () => {
    const text = moduleText([
      ...wangOpposes,
      ...singleChoice('who-said', 'Which of these did the article attribute to Wang Yi?', [
        '{ id: a, text: Declared opposition to all forms of hegemonism, correct: true }',
        '{ id: b, text: Confirmed the summit }',
      ]),
    ]);
    expect(lint(text, 'cross-item-cueing')).toEqual([`${at(text, 'Declared opposition')} cross-item-cueing`]);
  });

  it('flags a text that names every person the key names, by first or last name', () => {
    const text = moduleText([
      ...multipleChoice('parade', 'Who appeared together at the military parade?', [
        '{ id: kim, text: Kim Jong Un, correct: true }',
        '{ id: putin, text: Vladimir Putin, correct: true }',
        '{ id: wang, text: Wang Yi }',
      ]),
      '- id: structure',
      '  type: ordering',
      '  prompt: Put the topics in order.',
      '  explanation: E.',
      '  source: { section: s1, quote: in Beijing }',
      '  items:',
      '    - { id: a, text: The ministers meet }',
      '    - { id: b, text: Kim and Putin’s joint appearance at a military parade }',
      '    - { id: c, text: The outlook }',
      '  correctOrder: [a, b, c]',
    ]);
    expect(lint(text, 'cross-item-cueing')).toEqual([`${at(text, 'Kim and Putin')} cross-item-cueing`]);
  });

  it('does not flag a shared name alone, nor a text off the other question’s topic', () => {
    const text = moduleText([
      ...singleChoice('ambitions', 'Which issue does the background name?', [
        '{ id: a, text: North Korea’s nuclear ambitions, correct: true }',
        '{ id: b, text: Trade }',
      ]),
      ...singleChoice('partner', 'Whom is the background issue about?', [
        '{ id: a, text: Cooperation with North Korea, correct: true }',
        '{ id: b, text: Japan }',
      ]),
      ...wangOpposes,
      ...singleChoice('forms', 'Which forms of art does the article mention?', [
        '{ id: a, text: None, correct: true }',
        '{ id: b, text: Painting }',
      ]),
    ]);
    expect(lint(text, 'cross-item-cueing')).toEqual([]);
  });

  it('does not flag across quizzes', () => {
    const text = moduleText(wangOpposes) + ['  - id: quiz2', '    title: Q2', '    questions:', ...singleChoice('who-said', 'What did Wang Yi declare?', [
      '{ id: a, text: Declared opposition to all forms of hegemonism, correct: true }',
      '{ id: b, text: Confirmed the summit }',
    ]).map((line) => `      ${line}`), ''].join('\n');
    expect(lint(text, 'cross-item-cueing')).toEqual([]);
  });
});
