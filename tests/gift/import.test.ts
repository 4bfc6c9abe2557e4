import fc from 'fast-check';
import { type GiftIssue, TODO_SOURCE, fromGift } from 'quizkit/gift';
import { type QuizInput, safeParseQuiz } from 'quizkit/schema';
import { describe, expect, it } from 'vitest';

const SAMPLE = `// A hand-written bank in the style of Moodle's GIFT documentation.
$CATEGORY: $course$/top/Sample quiz

// single answer MC, per-answer feedback (# ...) and general feedback (#### ...)
::q-capital::What is the capital of France?{
\t~Lyon#No, Lyon is the third-largest city.
\t=Paris#Correct.
\t~Marseille
\t####Paris has been the capital since 987.
}

// multiple answers: no '=' at all
::q-water::Which elements form water? Select all that apply.{
\t~%50%Hydrogen#Yes.
\t~%50%Oxygen#Yes.
\t~%-100%Helium#No.
}

::q-who-said::Match each statement to the character who said it.{
\t=Veni, vidi, vici. -> Julius Caesar
\t=To be, or not to be. -> Hamlet
\t=The die is cast. -> Julius Caesar
\t= -> King Lear
}

::q-tf::The Earth orbits the Sun.{TRUE#Look again.#Right.}

::q-gold::The chemical symbol for gold is {=Au =au}.

::q-pi::Pi to two decimals?{#3.14:0.005}

// escaping: \\~ \\= \\# \\{ \\} \\: and \\n ; HTML via [html]
::q-escape\\: 1 + 1::[html]<p>Is 1 + 1 \\= 2 \\{always\\}?</p>{
\t=Yes \\~ in base 10#Correct\\: 2\\nreally
\t~No
}

::q-essay::Explain why the sky is blue.{}

::intro::This quiz covers basic science.
`;

const questions = (quizzes: QuizInput[]) => quizzes.flatMap((quiz) => quiz.questions as Record<string, unknown>[]);
const at = (issues: readonly GiftIssue[]) => issues.map((issue) => `${issue.line}:${issue.column} ${issue.severity} ${issue.code} ${issue.questionId ?? ''}`.trim());
const withoutSources = (issues: readonly GiftIssue[]) => issues.filter((issue) => issue.code !== 'needs_source');
const placeholders = { source: TODO_SOURCE };

describe('fromGift', () => {
  const { quizzes, issues } = fromGift(SAMPLE);

  it('imports single choice, multiple choice, true/false and matching, into one quiz per category', () => {
    expect(quizzes.map((quiz) => [quiz.id, quiz.title])).toEqual([['sample-quiz', 'Sample quiz']]);
    expect(questions(quizzes).map((question) => [question.id, question.type])).toEqual([
      ['q-capital', 'single-choice'],
      ['q-water', 'multiple-choice'],
      ['q-who-said', 'matching'],
      ['q-tf', 'single-choice'],
      ['q-escape-1-1', 'single-choice'],
    ]);
    for (const quiz of quizzes) expect(safeParseQuiz(quiz).success).toBe(true);
  });

  it('reads = as the correct option, # as option feedback and #### as the explanation', () => {
    expect(questions(quizzes)[0]).toEqual({
      id: 'q-capital',
      type: 'single-choice',
      prompt: 'What is the capital of France?',
      explanation: 'Paris has been the capital since 987.',
      ...placeholders,
      options: [
        { id: 'lyon', text: 'Lyon', feedback: 'No, Lyon is the third-largest city.' },
        { id: 'paris', text: 'Paris', feedback: 'Correct.', correct: true },
        { id: 'marseille', text: 'Marseille' },
      ],
    });
  });

  it('reads ~%n% weights without = as multiple choice under weighted-credit, with exact credits', () => {
    expect(questions(quizzes)[1]).toMatchObject({
      rule: { name: 'weighted-credit' },
      options: [
        { id: 'hydrogen', text: 'Hydrogen', correct: true, credit: '1/2', feedback: 'Yes.' },
        { id: 'oxygen', text: 'Oxygen', correct: true, credit: '1/2', feedback: 'Yes.' },
        { id: 'helium', text: 'Helium', credit: -1, feedback: 'No.' },
      ],
    });
  });

  it('reads matching pairs, an actor owning several statements, and "= -> actor" as a distractor', () => {
    expect(questions(quizzes)[2]).toMatchObject({
      actors: [
        { id: 'julius-caesar', name: 'Julius Caesar' },
        { id: 'hamlet', name: 'Hamlet' },
        { id: 'king-lear', name: 'King Lear' },
      ],
      statements: [
        { id: 'veni-vidi-vici', text: 'Veni, vidi, vici.', actor: 'julius-caesar' },
        { id: 'to-be-or-not-to-be', text: 'To be, or not to be.', actor: 'hamlet' },
        { id: 'the-die-is-cast', text: 'The die is cast.', actor: 'julius-caesar' },
      ],
    });
  });

  it('reads {TRUE#wrong#right} as a True/False single choice, each feedback on the option it answers', () => {
    expect(questions(quizzes)[3]).toMatchObject({
      options: [
        { id: 'true', text: 'True', correct: true, feedback: 'Right.' },
        { id: 'false', text: 'False', feedback: 'Look again.' },
      ],
    });
    const { quizzes: negative } = fromGift('::f::The Sun orbits the Earth.{F#Look again.#Right.}');
    expect(questions(negative)[0]).toMatchObject({
      options: [
        { id: 'true', text: 'True', feedback: 'Look again.' },
        { id: 'false', text: 'False', correct: true, feedback: 'Right.' },
      ],
    });
  });

  it('decodes escapes and turns [html] into plain text', () => {
    expect(questions(quizzes)[4]).toMatchObject({
      id: 'q-escape-1-1',
      prompt: 'Is 1 + 1 = 2 {always}?',
      options: [{ text: 'Yes ~ in base 10', feedback: 'Correct: 2\nreally', correct: true }, { text: 'No' }],
    });
  });

  it('reads answers and feedback without a prefix in the question text’s format, as Moodle exports them', () => {
    const { quizzes: read } = fromGift('::q::[html]<p>Capital &amp; city?</p>{\n\t=<p>Paris</p>#<p>Yes.</p>\n\t~Lyon\n\t####<p>General.</p>\n}');
    expect(questions(read)[0]).toMatchObject({
      prompt: 'Capital & city?',
      explanation: 'General.',
      options: [{ text: 'Paris', feedback: 'Yes.', correct: true }, { text: 'Lyon' }],
    });
  });

  it('reports what it skipped or changed, with line and column', () => {
    expect(at(withoutSources(issues))).toEqual([
      '28:1 error unsupported_question q-gold',
      '30:1 error unsupported_question q-pi',
      '32:1 warning html_converted q-escape-1-1',
      '32:1 warning id_generated q-escape-1-1',
      '38:1 error unsupported_question q-essay',
      '40:1 warning unsupported_question intro',
    ]);
    expect(withoutSources(issues).map((issue) => issue.message)).toContain('Numerical question "q-pi" skipped: quizkit has no numerical questions');
  });

  it('gives every question placeholder source (and explanation) marked TODO, and a needs_source warning', () => {
    const sources = issues.filter((issue) => issue.code === 'needs_source');
    expect(sources.map((issue) => issue.questionId)).toEqual(['q-capital', 'q-water', 'q-who-said', 'q-tf', 'q-escape-1-1']);
    expect(sources[1]?.message).toBe(
      'Question "q-water": GIFT has no source; fill in source.section and source.quote and the explanation (placeholders say TODO)',
    );
    expect(questions(quizzes)[1]).toMatchObject({ explanation: expect.stringMatching(/^TODO: /), source: TODO_SOURCE });
    const custom = fromGift('::a::A?{=x ~y}', { source: { section: 'intro', quote: 'Quoted.' }, explanation: 'Fill me.' });
    expect(questions(custom.quizzes)[0]).toMatchObject({ source: { section: 'intro', quote: 'Quoted.' }, explanation: 'Fill me.' });
  });

  it("reads 33.33333% as exactly 1/3 (Moodle's tolerance), and warns about weights outside Moodle's list", () => {
    const { quizzes: read, issues: problems } = fromGift(
      '::w::Which?{\n~%33.33333%a\n~%33.33333%b\n~%33.33333%c\n~%-14.28571%d\n}\n\n::x::Which?{\n~%37.5%a\n~%62.5%b\n~%-12.5%c\n}\n\n' +
        '::d::Which?{\n~%33.33333%a\n~%33.33333%b\n~%33.33333%c\n~%-33.33333%d\n}',
    );
    expect(questions(read)[0]).toMatchObject({
      options: [
        { correct: true, credit: '1/3' },
        { correct: true, credit: '1/3' },
        { correct: true, credit: '1/3' },
        { credit: '-1/7' },
      ],
    });
    expect(questions(read)[1]).toMatchObject({ options: [{ credit: '3/8' }, { credit: '5/8' }, { credit: '-1/8' }] });
    // The defaults of weighted-credit (+1/k, -1/k) are left out, as an author would.
    expect(questions(read)[2]?.options).toEqual([
      { id: 'a', text: 'a', correct: true },
      { id: 'b', text: 'b', correct: true },
      { id: 'c', text: 'c', correct: true },
      { id: 'd', text: 'd' },
    ]);
    expect(at(withoutSources(problems))).toEqual(['9:2 warning weight_not_in_moodle_list x', '10:2 warning weight_not_in_moodle_list x']);
  });

  it('refuses, with line and column, what neither Moodle nor quizkit can hold', () => {
    const text = [
      '::braces::Unclosed {=a ~b', //
      '',
      '::sum::Which?{~%50%a ~%40%b ~c}',
      '',
      '::two::Which?{=a =b ~c}',
      '',
      '::big::Which?{=a ~%150%b}',
      '',
      '::one::Which?{~%100%a}',
      '',
      '::empty::{=a ~b}',
      '',
      '::arrow::Match?{=a -> b =c}',
    ].join('\n');
    const { quizzes: read, issues: problems } = fromGift(text);
    expect(read).toEqual([]);
    expect(at(problems)).toEqual([
      '1:20 error invalid_syntax braces',
      '3:15 error weights_do_not_add_up sum',
      '5:15 error several_correct_answers two',
      '7:19 error invalid_weight big',
      '9:15 error too_few_answers one',
      '11:1 error invalid_question empty',
      '13:26 error invalid_syntax arrow',
    ]);
    expect(problems[5]?.message).toBe('Question "empty" skipped: prompt: Must not be empty');
  });

  it('imports qtype_ordering’s {>…} extension as an ordering question with the matching rule', () => {
    const { quizzes: read, issues: problems } = fromGift(
      '::q-planets::Order by distance from the Sun.{>3 ALL VERTICAL RELATIVE_ALL_PREVIOUS_AND_NEXT SHOW none\nMercury\nVenus\nEarth\n}\n\n' +
        '::subset::Pick.{>2 RANDOM\nA\nB\nC\n}',
    );
    expect(questions(read)[0]).toMatchObject({
      type: 'ordering',
      rule: { name: 'pairwise-order' },
      items: [
        { id: 'mercury', text: 'Mercury' },
        { id: 'venus', text: 'Venus' },
        { id: 'earth', text: 'Earth' },
      ],
      correctOrder: ['mercury', 'venus', 'earth'],
    });
    // Without a grading type, Moodle uses RELATIVE_NEXT_EXCLUDE_LAST.
    expect(questions(read)[1]).toMatchObject({ rule: { name: 'next-item' } });
    expect(at(withoutSources(problems))).toEqual(['7:17 warning selection_ignored subset']);
  });

  it('reads missing-word questions with _____ where the answers were', () => {
    const { quizzes: read, issues: problems } = fromGift('Grant is {~buried =entombed ~living} in Grant’s tomb.');
    expect(questions(read)[0]).toMatchObject({ id: 'q1', prompt: 'Grant is _____ in Grant’s tomb.' });
    expect(at(withoutSources(problems))).toEqual(['1:10 warning missing_word q1', '1:1 warning id_generated q1'].sort());
  });

  it('takes ids from // [id:…], then the title, and objectives from // [tag:…]; ids stay unique', () => {
    const { quizzes: read, issues: problems } = fromGift(
      [
        '// [id:first] [tag:obj-a] [tag:not a valid id]',
        '::Title One::A?{=x ~y}',
        '',
        '::Title One::B?{=x ~y}',
        '',
        '$CATEGORY: $course$/top/Other quiz',
        '',
        '::first::C?{=x ~y}',
        '',
        '$CATEGORY: $course$/top',
        '',
        '::d::D?{=x ~y}',
      ].join('\n'),
      { quizId: 'bank', quizTitle: 'Bank' },
    );
    expect(read.map((quiz) => [quiz.id, quiz.title, (quiz.questions as { id: string }[]).map((q) => q.id)])).toEqual([
      ['bank', 'Bank', ['first', 'title-one', 'd']],
      ['other-quiz', 'Other quiz', ['first-2']],
    ]);
    expect(questions(read)[0]).toMatchObject({ objectives: ['obj-a'] });
    expect(at(withoutSources(problems))).toEqual([
      '1:1 warning tag_dropped first',
      '4:1 warning id_generated title-one',
      '8:1 warning id_generated first-2',
    ]);
  });

  it('reads the "None of these" answer back as allowNoMatch, unless told not to', () => {
    const text = '::m::Who?{\n=a -> X\n=b -> None of these\n= -> Y\n}';
    expect(questions(fromGift(text).quizzes)[0]).toMatchObject({
      allowNoMatch: true,
      actors: [{ name: 'X' }, { name: 'Y' }],
      statements: [{ text: 'a', actor: 'x' }, { text: 'b', actor: null }],
    });
    expect(questions(fromGift(text, { noMatchLabel: false }).quizzes)[0]).not.toHaveProperty('allowNoMatch');
  });

  it('reads Windows line breaks and a byte-order mark', () => {
    const { quizzes: read } = fromGift('\ufeff// c\r\n::a::A?{\r\n=x\r\n~y\r\n}\r\n\r\n::b::B?{=x ~y}\r\n');
    expect(questions(read).map((question) => question.id)).toEqual(['a', 'b']);
  });

  it('never throws, and whatever it imports validates', () => {
    const gifty = fc.array(fc.constantFrom('{', '}', '~', '=', '#', '->', '::', '%50%', '%', '\\', '\n', '\n\n', 'a', 'T', ' ', '//', '$CATEGORY: x', '[html]', '####', '>3'), {
      maxLength: 40,
    });
    fc.assert(
      fc.property(fc.oneof(gifty.map((parts) => parts.join('')), fc.string()), (text) => {
        const result = fromGift(text);
        for (const quiz of result.quizzes) expect(safeParseQuiz(quiz).success).toBe(true);
        for (const issue of result.issues) {
          expect(issue.line).toBeGreaterThanOrEqual(1);
          expect(issue.column).toBeGreaterThanOrEqual(1);
        }
      }),
      { numRuns: 500 },
    );
  });
});

describe('fromGift, large banks', () => {
  it('continues a category of more than 200 questions in a second quiz, so each quiz stays valid', () => {
    const bank = ['$CATEGORY: $course$/top/Big', ...Array.from({ length: 205 }, (_, i) => `::q${i}::Question ${i}?{=yes ~no}`)].join('\n\n');
    const { quizzes, issues } = fromGift(bank);
    expect(quizzes.map((quiz) => [quiz.id, quiz.title, quiz.questions.length])).toEqual([
      ['big', 'Big', 200],
      ['big-2', 'Big (2)', 5],
    ]);
    for (const quiz of quizzes) expect(safeParseQuiz(quiz).success).toBe(true);
    expect(at(withoutSources(issues))).toEqual(['403:1 warning quiz_split']);
  });
});
