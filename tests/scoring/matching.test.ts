import { scoreQuestion } from 'quizkit';
import { describe, expect, it } from 'vitest';
import { expectScore, frac, matching, partScores } from '../helpers/builders.js';

const actors = [
  { id: 'kim', name: 'Kim Jong Un' },
  { id: 'xi', name: 'Xi Jinping' },
  { id: 'putin', name: 'Vladimir Putin' },
  { id: 'biden', name: 'Joe Biden' }, // owns no statement: a distractor
];

// Four statements; xi owns two (an actor may own several, as in Moodle's Dog → Mammal, Cat → Mammal).
const statements = [
  { id: 's1', text: 'Statement one', actor: 'kim' },
  { id: 's2', text: 'Statement two', actor: 'xi' },
  { id: 's3', text: 'Statement three', actor: 'xi' },
  { id: 's4', text: 'Statement four', actor: 'putin' },
];

const perStatement = matching({ id: 'm', points: 2, actors, statements });
const allRight = { s1: 'kim', s2: 'xi', s3: 'xi', s4: 'putin' };

describe('per-statement (the default; Moodle match, QTI map_response on directedPair)', () => {
  it('is the default rule', () => {
    expect(perStatement.rule).toEqual({ name: 'per-statement' });
  });

  it('gives full credit when every statement is matched', () => {
    // 4/4 = 1; earned 1 × 2 = 2
    expectScore(scoreQuestion(perStatement, allRight), 'correct', frac(1), frac(2));
  });

  it('is right / #statements with equal weights', () => {
    // s4 → biden (the distractor) is wrong: 3/4; earned 3/4 × 2 = 3/2
    const result = scoreQuestion(perStatement, { ...allRight, s4: 'biden' });
    expectScore(result, 'partial', frac(3, 4), frac(3, 2));
    expect(result.parts).toEqual([
      { id: 's1', kind: 'statement', response: 'kim', correct: true, earned: frac(1), possible: frac(1) },
      { id: 's2', kind: 'statement', response: 'xi', correct: true, earned: frac(1), possible: frac(1) },
      { id: 's3', kind: 'statement', response: 'xi', correct: true, earned: frac(1), possible: frac(1) },
      { id: 's4', kind: 'statement', response: 'biden', correct: false, earned: frac(0), possible: frac(1) },
    ]);
    expect(result.statistic).toEqual({ name: 'statements-matched', value: 3, of: 4, text: '3 of 4 statements matched correctly' });
  });

  it('matches Moodle\'s worked case: 2 of 4 stems right is 1/2', () => {
    // SCORING-ANCHORS §3: fraction = #right stems / #stems = 2/4
    expectScore(scoreQuestion(perStatement, { s1: 'kim', s2: 'kim', s3: 'xi', s4: 'kim' }), 'partial', frac(1, 2), frac(1));
  });

  it('counts statements left out as wrong, with no response in their part', () => {
    // Only s1 answered (right): 1/4, as in Moodle where unanswered stems count wrong.
    const result = scoreQuestion(perStatement, { s1: 'kim' });
    expectScore(result, 'partial', frac(1, 4), frac(1, 2));
    expect(result.parts[1]).toEqual({ id: 's2', kind: 'statement', correct: false, earned: frac(0), possible: frac(1) });
    expect('response' in result.parts[1]!).toBe(false);
  });

  it('gives 0 when every answered statement is wrong', () => {
    expectScore(scoreQuestion(perStatement, { s1: 'xi', s2: 'kim' }), 'incorrect', frac(0), frac(0));
  });

  it('weights statements: Σ weights matched / Σ weights', () => {
    // Weights 2, 1, 1, "1/2": total 9/2. Right: s1 (2) and s4 (1/2) → (5/2) / (9/2) = 5/9.
    const weighted = matching({
      points: 3,
      actors,
      statements: [
        { ...statements[0]!, weight: 2 },
        statements[1]!,
        { ...statements[2]!, weight: 1 },
        { ...statements[3]!, weight: '1/2' },
      ],
    });
    const result = scoreQuestion(weighted, { s1: 'kim', s2: 'putin', s3: 'kim', s4: 'putin' });
    // earned 5/9 × 3 = 5/3
    expectScore(result, 'partial', frac(5, 9), frac(5, 3));
    expect(partScores(result)).toEqual(['s1: 2/1 of 2/1', 's2: 0/1 of 1/1', 's3: 0/1 of 1/1', 's4: 1/2 of 1/2']);
    // The statistic still counts statements, not weight.
    expect(result.statistic?.value).toBe(2);
  });

  it('matches the QTI match.xml mapping: C→R 1, D→M 1/2, L→M 1/2, P→T 1', () => {
    // The IMS sample matches characters to plays. map_response on directedPair with these
    // mappedValues has MAXSCORE 3; C→R and D→M right give SCORE 1.5, normalised 1.5 / 3 = 1/2.
    const qti = matching({
      actors: [
        { id: 'R', name: 'Romeo and Juliet' },
        { id: 'M', name: "A Midsummer Night's Dream" },
        { id: 'T', name: 'The Tempest' },
      ],
      statements: [
        { id: 'C', text: 'Capulet', actor: 'R', weight: 1 },
        { id: 'D', text: 'Demetrius', actor: 'M', weight: 0.5 },
        { id: 'L', text: 'Lysander', actor: 'M', weight: 0.5 },
        { id: 'P', text: 'Prospero', actor: 'T', weight: 1 },
      ],
    });
    expectScore(scoreQuestion(qti, { C: 'R', D: 'M', L: 'T', P: 'M' }), 'partial', frac(1, 2));
  });
});

describe('"no match" (allowNoMatch)', () => {
  const withNone = matching({
    actors,
    allowNoMatch: true,
    statements: [...statements, { id: 's5', text: 'Nobody said this', actor: null }],
  });

  it('counts an explicit null as right for a statement nobody made', () => {
    // 5/5
    expectScore(scoreQuestion(withNone, { ...allRight, s5: null }), 'correct', frac(1));
    const part = scoreQuestion(withNone, { ...allRight, s5: null }).parts[4];
    expect(part).toEqual({ id: 's5', kind: 'statement', response: null, correct: true, earned: frac(1), possible: frac(1) });
  });

  it('counts an actor given for that statement as wrong', () => {
    // 4/5
    expectScore(scoreQuestion(withNone, { ...allRight, s5: 'biden' }), 'partial', frac(4, 5));
  });

  it('counts leaving it out as wrong: unanswered is not the same as "none of these"', () => {
    // 4/5
    expectScore(scoreQuestion(withNone, allRight), 'partial', frac(4, 5));
  });

  it('counts null for a statement that has an actor as wrong', () => {
    // s1 → null is wrong, s5 → null right: 4/5
    expectScore(scoreQuestion(withNone, { ...allRight, s1: null, s5: null }), 'partial', frac(4, 5));
  });

  it('scores the answer key when every statement is "none of these"', () => {
    const allNone = matching({ actors, allowNoMatch: true, statements: [{ id: 's1', text: 'Nobody', actor: null }] });
    expectScore(scoreQuestion(allNone, { s1: null }), 'correct', frac(1));
  });

  it('rejects null where the question offers no "none of these"', () => {
    const result = scoreQuestion(perStatement, { ...allRight, s2: null });
    expectScore(result, 'invalid', frac(0), frac(0));
    expect(result.issues).toEqual([
      { code: 'no_match_not_allowed', questionId: 'm', path: ['m', 's2'], message: expect.stringContaining('s2') },
    ]);
  });
});

describe('all-or-nothing', () => {
  const aon = matching({ points: 2, actors, statements, rule: { name: 'all-or-nothing' } });

  it('gives full credit only when every statement is right', () => {
    expectScore(scoreQuestion(aon, allRight), 'correct', frac(1), frac(2));
    // 3 of 4 right still scores 0
    const result = scoreQuestion(aon, { ...allRight, s4: 'kim' });
    expectScore(result, 'incorrect', frac(0), frac(0));
    // The parts and statistic still show what was right.
    expect(result.statistic?.value).toBe(3);
    expect(result.parts.filter((part) => part.correct).map((part) => part.id)).toEqual(['s1', 's2', 's3']);
  });

  it('counts a statement left out as wrong', () => {
    expectScore(scoreQuestion(aon, { s1: 'kim', s2: 'xi', s3: 'xi' }), 'incorrect', frac(0));
  });

  it('ignores weights', () => {
    const weighted = matching({ actors, statements: [{ ...statements[0]!, weight: 5 }, statements[1]!], rule: { name: 'all-or-nothing' } });
    expectScore(scoreQuestion(weighted, { s1: 'kim', s2: 'kim' }), 'incorrect', frac(0));
  });
});

describe('unanswered', () => {
  it('treats undefined, null, {} and an object of undefined values as unanswered', () => {
    for (const response of [undefined, null, {}, { s1: undefined }]) {
      const result = scoreQuestion(perStatement, response);
      expectScore(result, 'unanswered', frac(0), frac(0));
      expect(result.parts).toEqual([]);
      expect(result.issues).toEqual([]);
    }
  });
});

describe('feedback', () => {
  const q = matching({
    actors,
    statements: [
      { ...statements[0]!, feedback: 'Kim said this at the parade.' },
      { ...statements[1]!, feedback: 'Xi said this in Beijing.' },
    ],
    feedback: { correct: 'All matched.', partial: 'Some matched.', incorrect: 'None matched.' },
  });

  it('gives the outcome feedback, then the feedback of each statement matched wrongly', () => {
    expect(scoreQuestion(q, { s1: 'kim', s2: 'xi' }).feedback).toEqual(['All matched.']);
    expect(scoreQuestion(q, { s1: 'kim', s2: 'kim' }).feedback).toEqual(['Some matched.', 'Xi said this in Beijing.']);
    expect(scoreQuestion(q, { s1: 'xi' }).feedback).toEqual(['None matched.', 'Kim said this at the parade.', 'Xi said this in Beijing.']);
  });
});
