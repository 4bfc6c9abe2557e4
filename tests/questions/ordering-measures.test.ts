import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Fraction, compare, fraction, fractionToNumber } from '../../src/fraction/fraction.js';
import { MOODLE_GRADING } from '../helpers/moodle.js';
import { type OrderingRuleName, measureOrdering } from '../../src/questions/ordering/measures.js';

// ---------------------------------------------------------------------------
// Test oracle: Moodle qtype_ordering grading, ported from question.php as coded
// (moodle/moodle question/type/ordering/question.php; the same grading code is
// in gbateson/moodle-qtype_ordering). It works on answer ids, builds the same
// next / previous-and-next maps and enumerates ordered subsets the way Moodle
// does, so it shares nothing with the closed forms in measures.ts. It is
// deliberately slow (O(n²) set intersections, a possibly exponential subset
// list) and is only used on small n.
// ---------------------------------------------------------------------------

const GRADING = MOODLE_GRADING;

type GradingType = (typeof GRADING)[keyof typeof GRADING];

const GRADING_OF: Record<OrderingRuleName, GradingType> = {
  'all-or-nothing': GRADING.ALL_OR_NOTHING,
  'exact-position': GRADING.ABSOLUTE_POSITION,
  'position-distance': GRADING.RELATIVE_TO_CORRECT,
  'next-item': GRADING.RELATIVE_NEXT_EXCLUDE_LAST,
  'next-item-and-last': GRADING.RELATIVE_NEXT_INCLUDE_LAST,
  'previous-and-next': GRADING.RELATIVE_ONE_PREVIOUS_AND_NEXT,
  'pairwise-order': GRADING.RELATIVE_ALL_PREVIOUS_AND_NEXT,
  'longest-ordered-subsequence': GRADING.LONGEST_ORDERED_SUBSET,
  'longest-consecutive-run': GRADING.LONGEST_CONTIGUOUS_SUBSET,
};

const RULES = Object.keys(GRADING_OF) as OrderingRuleName[];

/** Moodle's answer ids are database ids, never 0: 0 is its "nothing" sentinel. */
type Id = number;

/** get_next_answerids(): each id mapped to the id after it; the last one to 0 or dropped. */
function getNextAnswerIds(ids: readonly Id[], lastItem: boolean): Map<Id, Id> {
  const next = new Map<Id, Id>();
  let imax = ids.length - 1;
  let nextId: Id;
  if (lastItem) {
    nextId = 0;
  } else {
    nextId = ids[imax]!;
    imax--;
  }
  for (let i = imax; i >= 0; i--) {
    const id = ids[i]!;
    next.set(id, nextId);
    nextId = id;
  }
  return next;
}

interface PrevNext {
  prev: Id[];
  next: Id[];
}

/** get_previous_and_next_answerids(): all ids before/after each id, or just the neighbours (0 at the ends). */
function getPreviousAndNextAnswerIds(ids: readonly Id[], all: boolean): Map<Id, PrevNext> {
  const out = new Map<Id, PrevNext>();
  const next = [...ids];
  const prev: Id[] = [];
  // PHP: while ($answerid = array_shift($next)) — stops on a falsy id, which never occurs.
  while (next.length > 0) {
    const id = next.shift()!;
    if (all) out.set(id, { prev: [...prev], next: [...next] });
    else out.set(id, { prev: [prev.length ? prev[0]! : 0], next: [next.length ? next[0]! : 0] });
    prev.unshift(id);
  }
  return out;
}

/** PHP array_intersect($a, $b): the elements of $a that are also in $b. */
const arrayIntersect = (a: readonly Id[], b: readonly Id[]) => a.filter((x) => b.includes(x));

class TooManySubsets extends Error {}

/** get_ordered_subsets(): Moodle's enumeration, with a budget so a pathological input cannot hang the suite. */
function getOrderedSubsets(positions: readonly number[], contiguous: boolean, budget = 1_000_000): number[][] {
  let subsets: number[][] = [];
  positions.forEach((value, p) => {
    let isNew = true;
    const added: number[][] = [];
    // PHP foreach iterates a snapshot: appends made in this loop are not seen by it.
    const snapshot = subsets.map((subset) => [...subset]);
    snapshot.forEach((subset, s) => {
      const end = positions[subset[subset.length - 1]!]!;
      if (value === end + 1) {
        isNew = false;
        subsets[s]!.push(p);
      } else if (contiguous) {
        // Non-contiguous values are ignored.
      } else if (value > end) {
        isNew = false;
        added.push([...subset]);
        subsets[s]!.push(p);
      }
    });
    if (isNew) added.push([p]);
    subsets = subsets.concat(added);
    if (subsets.length > budget) throw new TooManySubsets();
  });
  return subsets;
}

/** get_ordered_subset(): the first longest subset, ignoring one-item subsets. */
function getOrderedSubset(correct: readonly Id[], current: readonly Id[], contiguous: boolean): number[] {
  const positions = current.map((id) => correct.indexOf(id));
  let best: number[] = [];
  let bestCount = 1;
  for (const subset of getOrderedSubsets(positions, contiguous)) {
    if (subset.length > bestCount) {
      bestCount = subset.length;
      best = subset;
    }
  }
  return best;
}

/** grade_response(): [countcorrect, countanswers]. */
function moodleGrade(type: GradingType, correct: readonly Id[], current: readonly Id[]): [number, number] {
  let countCorrect = 0;
  let countAnswers = 0;
  switch (type) {
    case GRADING.ALL_OR_NOTHING:
    case GRADING.ABSOLUTE_POSITION:
      correct.forEach((id, position) => {
        if (position < current.length && current[position] === id) countCorrect++;
        countAnswers++;
      });
      if (type === GRADING.ALL_OR_NOTHING && countCorrect < countAnswers) countCorrect = 0;
      break;
    case GRADING.RELATIVE_NEXT_EXCLUDE_LAST:
    case GRADING.RELATIVE_NEXT_INCLUDE_LAST: {
      const lastItem = type === GRADING.RELATIVE_NEXT_INCLUDE_LAST;
      const currentNext = getNextAnswerIds(current, lastItem);
      const correctNext = getNextAnswerIds(correct, lastItem);
      for (const [id, nextId] of correctNext) {
        if (currentNext.has(id) && currentNext.get(id) === nextId) countCorrect++;
        countAnswers++;
      }
      break;
    }
    case GRADING.RELATIVE_ONE_PREVIOUS_AND_NEXT:
    case GRADING.RELATIVE_ALL_PREVIOUS_AND_NEXT: {
      const all = type === GRADING.RELATIVE_ALL_PREVIOUS_AND_NEXT;
      const currentSets = getPreviousAndNextAnswerIds(current, all);
      const correctSets = getPreviousAndNextAnswerIds(correct, all);
      for (const [id, sets] of correctSets) {
        const mine = currentSets.get(id);
        if (mine) {
          countCorrect += arrayIntersect(mine.prev, sets.prev).length;
          countCorrect += arrayIntersect(mine.next, sets.next).length;
        }
        countAnswers += sets.prev.length + sets.next.length;
      }
      break;
    }
    case GRADING.LONGEST_ORDERED_SUBSET:
    case GRADING.LONGEST_CONTIGUOUS_SUBSET:
      countCorrect = getOrderedSubset(correct, current, type === GRADING.LONGEST_CONTIGUOUS_SUBSET).length;
      countAnswers = current.length;
      break;
    case GRADING.RELATIVE_TO_CORRECT: {
      const count = correct.length - 1;
      correct.forEach((id, position) => {
        if (current.includes(id)) {
          const score = count - Math.abs(position - current.indexOf(id));
          if (score > 0) countCorrect += score;
        }
        countAnswers += count;
      });
      break;
    }
  }
  return [countCorrect, countAnswers];
}

/** get_fraction_maxscore_score_of_item() over get_response_depend_on_grading_type(), per response position. */
function moodleItemScores(
  type: GradingType,
  correct: readonly Id[],
  current: readonly Id[],
): { score: number; maxscore: number | null }[] {
  switch (type) {
    case GRADING.ALL_OR_NOTHING:
    case GRADING.ABSOLUTE_POSITION:
      return current.map((id, position) =>
        position < correct.length ? { score: correct[position] === id ? 1 : 0, maxscore: 1 } : { score: 0, maxscore: null },
      );
    case GRADING.RELATIVE_NEXT_EXCLUDE_LAST:
    case GRADING.RELATIVE_NEXT_INCLUDE_LAST: {
      const lastItem = type === GRADING.RELATIVE_NEXT_INCLUDE_LAST;
      const correctNext = getNextAnswerIds(correct, lastItem);
      const currentNext = getNextAnswerIds(current, lastItem);
      return current.map((id) => {
        if (!correctNext.has(id)) return { score: 0, maxscore: null };
        const hit = currentNext.has(id) && currentNext.get(id) === correctNext.get(id);
        return { score: hit ? 1 : 0, maxscore: 1 };
      });
    }
    case GRADING.RELATIVE_ONE_PREVIOUS_AND_NEXT:
    case GRADING.RELATIVE_ALL_PREVIOUS_AND_NEXT: {
      const all = type === GRADING.RELATIVE_ALL_PREVIOUS_AND_NEXT;
      const correctSets = getPreviousAndNextAnswerIds(correct, all);
      const currentSets = getPreviousAndNextAnswerIds(current, all);
      return current.map((id) => {
        const c = correctSets.get(id);
        if (!c) return { score: 0, maxscore: null };
        const r = currentSets.get(id)!;
        return {
          score: arrayIntersect(c.prev, r.prev).length + arrayIntersect(c.next, r.next).length,
          maxscore: c.prev.length + c.next.length,
        };
      });
    }
    case GRADING.LONGEST_ORDERED_SUBSET:
    case GRADING.LONGEST_CONTIGUOUS_SUBSET: {
      const subset = getOrderedSubset(correct, current, type === GRADING.LONGEST_CONTIGUOUS_SUBSET);
      return current.map((_, position) => ({ score: subset.includes(position) ? 1 : 0, maxscore: 1 }));
    }
    case GRADING.RELATIVE_TO_CORRECT: {
      const maxscore = correct.length - 1;
      return current.map((id, position) => ({
        score: Math.max(0, maxscore - Math.abs(correct.indexOf(id) - position)),
        maxscore,
      }));
    }
  }
}

/** question_state::graded_state_for_fraction(), on the exact value. */
function moodleState(f: Fraction): 'gradedright' | 'gradedpartial' | 'gradedwrong' {
  const x = fractionToNumber(f);
  return x < 0.000001 ? 'gradedwrong' : x > 0.999999 ? 'gradedright' : 'gradedpartial';
}

/** Moodle's view of a response: answer ids 13, 14, … in the correct order, as in its test helper. */
function asMoodleIds(response: readonly number[]): { correct: Id[]; current: Id[] } {
  const correct = response.map((_, k) => 13 + k);
  return { correct, current: response.map((position) => correct[position]!) };
}

interface Expected {
  fraction: Fraction;
  items: { earned: number; possible: number }[];
}

function moodle(rule: OrderingRuleName, response: readonly number[]): Expected {
  const type = GRADING_OF[rule];
  const { correct, current } = asMoodleIds(response);
  const [countCorrect, countAnswers] = moodleGrade(type, correct, current);
  return {
    fraction: countAnswers === 0 ? fraction(0) : fraction(countCorrect, countAnswers),
    // An unscored item ("No score", maxscore null) keeps Moodle's score of 0 and can earn nothing.
    items: moodleItemScores(type, correct, current).map(({ score, maxscore }) => ({
      earned: score,
      possible: maxscore ?? 0,
    })),
  };
}

function measured(rule: OrderingRuleName, response: readonly number[]): Expected {
  const { fraction: f, items } = measureOrdering(rule, response);
  return { fraction: f, items: items.map(({ earned, possible }) => ({ earned, possible })) };
}

function* permutations(n: number): Generator<number[]> {
  const a = Array.from({ length: n }, (_, i) => i);
  function* permute(k: number): Generator<number[]> {
    if (k === n) {
      yield [...a];
      return;
    }
    for (let i = k; i < n; i++) {
      [a[k], a[i]] = [a[i]!, a[k]!];
      yield* permute(k + 1);
      [a[k], a[i]] = [a[i]!, a[k]!];
    }
  }
  yield* permute(0);
}

const identity = (n: number) => Array.from({ length: n }, (_, i) => i);

/** A uniformly random permutation of 0 … n-1 from a 32-bit seed (mulberry32 + Fisher–Yates). */
function seededPermutation(n: number, seed: number): number[] {
  let state = seed >>> 0;
  const random = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const a = identity(n);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [a[i], a[j]] = [a[j]!, a[i]!];
  }
  return a;
}

/**
 * Random permutations. Seeded Fisher–Yates rather than fast-check's
 * shuffles: fast-check biases towards small swaps, and near-identity
 * permutations with local swaps (1,0,3,2,…) are exactly the ones that make
 * Moodle's subset enumeration explode.
 */
const permutationArb = (minLength: number, maxLength: number) =>
  fc
    .tuple(fc.integer({ min: minLength, max: maxLength }), fc.integer())
    .map(([n, seed]) => seededPermutation(n, seed));

// ---------------------------------------------------------------------------
// Moodle's own expectations, ported from question/type/ordering/tests/question_test.php
// (and the per-item ones from tests/output/specific_grade_detail_feedback_test.php and
// num_parts_correct_test.php). The question is Moodle's: put "Modular Object
// Oriented Dynamic Learning Environment" in order.
// ---------------------------------------------------------------------------

const CORRECTORDER = ['Modular', 'Object', 'Oriented', 'Dynamic', 'Learning', 'Environment'];
const REVERSEORDER = ['Environment', 'Learning', 'Dynamic', 'Oriented', 'Object', 'Modular'];

/** Words in the learner's order → correct positions. */
const order = (words: readonly string[]) =>
  words.map((word) => {
    const position = CORRECTORDER.indexOf(word);
    if (position < 0) throw new Error(`Not a Moodle test word: ${word}`);
    return position;
  });

const grade = (rule: OrderingRuleName, words: readonly string[]) => measureOrdering(rule, order(words)).fraction;
const state = (rule: OrderingRuleName, words: readonly string[]) => moodleState(grade(rule, words));
const F = (n: number, d = 1) => fraction(n, d);

describe('Moodle question_test.php, ported', () => {
  it('test_grading: the correct order grades [1, gradedright] (default ALL_PREVIOUS_AND_NEXT)', () => {
    expect(grade('pairwise-order', CORRECTORDER)).toEqual(F(1));
    expect(state('pairwise-order', CORRECTORDER)).toBe('gradedright');
  });

  it('test_grading_all_or_nothing', () => {
    const rule = 'all-or-nothing';
    expect(grade(rule, CORRECTORDER)).toEqual(F(1));
    expect(state(rule, CORRECTORDER)).toBe('gradedright');
    expect(grade(rule, REVERSEORDER)).toEqual(F(0));
    expect(state(rule, REVERSEORDER)).toBe('gradedwrong');
    const oneInPlace = ['Oriented', 'Object', 'Dynamic', 'Learning', 'Environment', 'Modular'];
    expect(grade(rule, oneInPlace)).toEqual(F(0));
    expect(state(rule, oneInPlace)).toBe('gradedwrong');
  });

  it('test_grading_absolute_position', () => {
    const rule = 'exact-position';
    expect(grade(rule, CORRECTORDER)).toEqual(F(1));
    expect(grade(rule, REVERSEORDER)).toEqual(F(0));
    expect(state(rule, REVERSEORDER)).toBe('gradedwrong');
    // "4 out of 6 items are in the correct position": Moodle asserts 0.66 < x < 0.67.
    const four = ['Environment', 'Object', 'Oriented', 'Dynamic', 'Learning', 'Modular'];
    expect(grade(rule, four)).toEqual(F(2, 3));
    expect(state(rule, four)).toBe('gradedpartial');
    // "1 out of 6 item is in the correct position": 0.16 < x < 0.17.
    const one = ['Oriented', 'Object', 'Dynamic', 'Learning', 'Environment', 'Modular'];
    expect(grade(rule, one)).toEqual(F(1, 6));
    expect(state(rule, one)).toBe('gradedpartial');
  });

  it('test_grading_relative_next_exclude_last', () => {
    const rule = 'next-item';
    expect(grade(rule, CORRECTORDER)).toEqual(F(1));
    expect(grade(rule, REVERSEORDER)).toEqual(F(0));
    expect(state(rule, REVERSEORDER)).toBe('gradedwrong');
    expect(grade(rule, ['Environment', 'Object', 'Oriented', 'Dynamic', 'Learning', 'Modular'])).toEqual(F(3, 5)); // 0.6
    expect(grade(rule, ['Oriented', 'Object', 'Dynamic', 'Learning', 'Environment', 'Modular'])).toEqual(F(2, 5)); // 0.4
  });

  it('test_grading_relative_next_include_last', () => {
    const rule = 'next-item-and-last';
    expect(grade(rule, CORRECTORDER)).toEqual(F(1));
    expect(grade(rule, REVERSEORDER)).toEqual(F(0));
    const three = ['Environment', 'Object', 'Oriented', 'Dynamic', 'Learning', 'Modular'];
    expect(grade(rule, three)).toEqual(F(1, 2)); // 0.5
    expect(state(rule, three)).toBe('gradedpartial');
  });

  it('test_grading_relative_one_previous_and_next', () => {
    const rule = 'previous-and-next';
    expect(grade(rule, CORRECTORDER)).toEqual(F(1));
    expect(grade(rule, REVERSEORDER)).toEqual(F(0));
    // Moodle asserts 0.33 < x < 0.34.
    const partial = ['Oriented', 'Object', 'Dynamic', 'Learning', 'Environment', 'Modular'];
    expect(grade(rule, partial)).toEqual(F(1, 3));
    expect(state(rule, partial)).toBe('gradedpartial');
  });

  it('test_grading_relative_all_previous_and_next', () => {
    const rule = 'pairwise-order';
    expect(grade(rule, CORRECTORDER)).toEqual(F(1));
    expect(grade(rule, REVERSEORDER)).toEqual(F(0));
    expect(grade(rule, ['Oriented', 'Object', 'Dynamic', 'Learning', 'Environment', 'Modular'])).toEqual(F(3, 5)); // 0.6
    // Moodle asserts 0.6 < x < 0.7.
    expect(grade(rule, ['Object', 'Oriented', 'Dynamic', 'Learning', 'Environment', 'Modular'])).toEqual(F(2, 3));
  });

  it('test_grading_longest_ordered_subset', () => {
    const rule = 'longest-ordered-subsequence';
    expect(grade(rule, CORRECTORDER)).toEqual(F(1));
    expect(grade(rule, REVERSEORDER)).toEqual(F(0));
    expect(state(rule, REVERSEORDER)).toBe('gradedwrong');
    // "5 items make the longest ordered subset": 0.8 < x < 0.84.
    const five = ['Object', 'Oriented', 'Dynamic', 'Learning', 'Environment', 'Modular'];
    expect(grade(rule, five)).toEqual(F(5, 6));
    expect(state(rule, five)).toBe('gradedpartial');
  });

  it('test_grading_longest_contiguous_subset', () => {
    const rule = 'longest-consecutive-run';
    expect(grade(rule, CORRECTORDER)).toEqual(F(1));
    expect(grade(rule, REVERSEORDER)).toEqual(F(0));
    const five = ['Object', 'Oriented', 'Dynamic', 'Learning', 'Environment', 'Modular'];
    expect(grade(rule, five)).toEqual(F(5, 6));
    expect(state(rule, five)).toBe('gradedpartial');
  });

  it('test_grading_relative_to_correct (the reversed list scores 0.4: "very generous", says Moodle)', () => {
    const rule = 'position-distance';
    expect(grade(rule, CORRECTORDER)).toEqual(F(1));
    expect(grade(rule, REVERSEORDER)).toEqual(F(2, 5));
    expect(state(rule, REVERSEORDER)).toBe('gradedpartial');
    // Moodle asserts 0.6 < x < 0.7.
    expect(grade(rule, ['Object', 'Oriented', 'Dynamic', 'Learning', 'Environment', 'Modular'])).toEqual(F(2, 3));
  });

  // get_num_parts_right() classifies each scored item's own fraction; unscored items are skipped.
  const partsRight = (rule: OrderingRuleName, words: readonly string[]) => {
    let right = 0;
    let partial = 0;
    let wrong = 0;
    for (const { earned, possible } of measureOrdering(rule, order(words)).items) {
      if (possible === 0) continue;
      const x = earned / possible;
      if (x > 0.999999) right++;
      else if (x < 0.000001) wrong++;
      else partial++;
    }
    return [right, partial, wrong];
  };

  it('test_get_num_parts_right: RELATIVE_TO_CORRECT gives [2, 4, 0]', () => {
    expect(partsRight('position-distance', ['Dynamic', 'Modular', 'Object', 'Oriented', 'Learning', 'Environment'])).toEqual([
      2, 4, 0,
    ]);
  });

  it('test_classify_response_correct / _partially_correct: per-item exact positions (weight 1/6 each)', () => {
    // classify_response() always uses absolute positions, whatever the grading type.
    const perItem = (words: string[]) => measureOrdering('exact-position', order(words)).items.map((item) => item.earned);
    expect(perItem(CORRECTORDER)).toEqual([1, 1, 1, 1, 1, 1]);
    expect(perItem(['Dynamic', 'Modular', 'Object', 'Oriented', 'Learning', 'Environment'])).toEqual([0, 0, 0, 0, 1, 1]);
  });
});

describe('Moodle tests/output/*_test.php, ported (per-item grading details)', () => {
  const details = (rule: OrderingRuleName, words: readonly string[]) => {
    const { fraction: f, items } = measureOrdering(rule, order(words));
    const totalScore = items.reduce((sum, item) => sum + item.earned, 0);
    const totalMaxScore = items.reduce((sum, item) => sum + item.possible, 0);
    return {
      fraction: f,
      scoredetails: items.map(({ earned, possible }) => [earned, possible]),
      totalScore,
      totalMaxScore,
      // specific_grade_detail_feedback: round(100·Σscore/Σmaxscore), or 0 when Σscore is 0.
      gradedetails: totalScore === 0 ? 0 : Math.round((100 * totalScore) / totalMaxScore),
    };
  };
  const swapped = ['Modular', 'Object', 'Oriented', 'Learning', 'Dynamic', 'Environment'];
  const mixed = ['Object', 'Dynamic', 'Modular', 'Learning', 'Environment', 'Oriented'];

  it('specific_grade_detail_feedback_test "Do not show partial or wrong": the correct order is gradedright', () => {
    expect(state('next-item', CORRECTORDER)).toBe('gradedright');
  });

  it('specific_grade_detail_feedback_test "Partially correct … Relative to ALL the previous and next items"', () => {
    expect(details('pairwise-order', swapped)).toEqual({
      fraction: F(14, 15),
      scoredetails: [[5, 5], [5, 5], [5, 5], [4, 5], [4, 5], [5, 5]],
      totalScore: 28,
      totalMaxScore: 30,
      gradedetails: 93,
    });
  });

  it('specific_grade_detail_feedback_test "Incorrect … Relative to ALL the previous and next items"', () => {
    expect(details('pairwise-order', mixed)).toEqual({
      fraction: F(2, 3),
      scoredetails: [[4, 5], [3, 5], [3, 5], [4, 5], [4, 5], [2, 5]],
      totalScore: 20,
      totalMaxScore: 30,
      gradedetails: 67,
    });
  });

  it('specific_grade_detail_feedback_test "Incorrect … Relative to the next item (excluding last)": the correct-last item has "No score"', () => {
    expect(details('next-item', mixed)).toEqual({
      fraction: F(1, 5),
      // Environment, last in the correct order, is unscored at response position 5 (index 4);
      // Oriented, last in the response, is scored and earns 0.
      scoredetails: [[0, 1], [0, 1], [0, 1], [1, 1], [0, 0], [0, 1]],
      totalScore: 1,
      totalMaxScore: 5,
      gradedetails: 20,
    });
  });

  it('specific_grade_detail_feedback_test "Incorrect … GRADING_LONGEST_ORDERED_SUBSET"', () => {
    expect(details('longest-ordered-subsequence', mixed)).toEqual({
      fraction: F(2, 3),
      scoredetails: [[1, 1], [1, 1], [0, 1], [1, 1], [1, 1], [0, 1]],
      totalScore: 4,
      totalMaxScore: 6,
      gradedetails: 67,
    });
  });

  it('num_parts_correct_test: ALL_PREVIOUS_AND_NEXT gives 4 right, 2 partial, 0 wrong; ABSOLUTE_POSITION 0, 0, 6', () => {
    const classify = (rule: OrderingRuleName, words: readonly string[]) => {
      const counts = [0, 0, 0];
      for (const { earned, possible } of measureOrdering(rule, order(words)).items) {
        if (possible === 0) continue;
        counts[earned === possible ? 0 : earned === 0 ? 2 : 1]!++;
      }
      return counts;
    };
    expect(classify('pairwise-order', swapped)).toEqual([4, 2, 0]);
    expect(classify('exact-position', mixed)).toEqual([0, 0, 6]);
  });
});

// ---------------------------------------------------------------------------
// Parity with the oracle: every permutation of 2…6 items, then random ones up to 40.
// ---------------------------------------------------------------------------

describe('parity with a port of Moodle question.php', () => {
  it('the oracle itself reproduces the grading-detail example it was ported for', () => {
    expect(moodle('next-item', order(['Object', 'Dynamic', 'Modular', 'Learning', 'Environment', 'Oriented']))).toEqual({
      fraction: F(1, 5),
      items: [1, 1, 1, 1, 0, 1].map((possible, i) => ({ earned: i === 3 ? 1 : 0, possible })),
    });
  });

  for (const rule of RULES) {
    it(`${rule}: exact fraction and per-item scores for every permutation, n = 2 … 6`, () => {
      let checked = 0;
      for (let n = 2; n <= 6; n++) {
        for (const response of permutations(n)) {
          expect(measured(rule, response), `${rule} [${response.join(',')}]`).toEqual(moodle(rule, response));
          checked++;
        }
      }
      expect(checked).toBe(2 + 6 + 24 + 120 + 720);
    });
  }

  it('every rule: exact fraction and per-item scores on random permutations, n ≤ 40', () => {
    fc.assert(
      fc.property(fc.constantFrom(...RULES), permutationArb(2, 40), (rule, response) => {
        let expected: Expected;
        try {
          expected = moodle(rule, response);
        } catch (error) {
          // Moodle's subset list can grow exponentially; skip the rare input it cannot enumerate.
          if (error instanceof TooManySubsets) return fc.pre(false);
          throw error;
        }
        expect(measured(rule, response)).toEqual(expected);
      }),
      { numRuns: 600 },
    );
  });

  it('longest-* rules agree with Moodle on the permutations that stress its tie-breaking', () => {
    // Many equally long subsets: pairs swapped (1,0,3,2,…) and blocks reversed.
    const cases = [
      [1, 0, 3, 2, 5, 4, 7, 6, 9, 8, 11, 10],
      [2, 1, 0, 5, 4, 3, 8, 7, 6],
      [3, 4, 5, 0, 1, 2],
      [4, 5, 2, 3, 0, 1],
      [6, 7, 8, 3, 4, 5, 0, 1, 2],
      [0, 5, 1, 6, 2, 7, 3, 8, 4, 9],
    ];
    for (const response of cases) {
      for (const rule of ['longest-ordered-subsequence', 'longest-consecutive-run'] as const) {
        expect(measured(rule, response), `${rule} [${response.join(',')}]`).toEqual(moodle(rule, response));
      }
    }
  });
});

// ---------------------------------------------------------------------------
// Hand-checked cases and statistics.
// ---------------------------------------------------------------------------

describe('measureOrdering: worked examples', () => {
  it('longest-consecutive-run: correct ABCD, response B C A D → B, C, D count (not adjacent in the response) → 3/4', () => {
    const result = measureOrdering('longest-consecutive-run', [1, 2, 0, 3]);
    expect(result.fraction).toEqual(F(3, 4));
    expect(result.items).toEqual([
      { earned: 1, possible: 1 },
      { earned: 1, possible: 1 },
      { earned: 0, possible: 1 },
      { earned: 1, possible: 1 },
    ]);
    expect(result.statistic).toEqual({
      name: 'longest-consecutive-run',
      value: 3,
      of: 4,
      text: 'a longest consecutive run of 3 of 4 items kept in order',
    });
  });

  it('longest-consecutive-run differs from longest-ordered-subsequence when the ordered items skip one', () => {
    // A C E B D F: A C E F is ordered (4), but the longest run of neighbours in the correct order is 2.
    const response = [0, 2, 4, 1, 3, 5];
    expect(measureOrdering('longest-ordered-subsequence', response).fraction).toEqual(F(2, 3));
    expect(measureOrdering('longest-consecutive-run', response).fraction).toEqual(F(1, 3));
  });

  it('longest-*: ties go to the subset Moodle finds first', () => {
    // 1 0 3 2: ordered subsets of 2 abound; Moodle keeps positions 0 and 2 (values 1, 3).
    expect(measureOrdering('longest-ordered-subsequence', [1, 0, 3, 2]).items.map((i) => i.earned)).toEqual([1, 0, 1, 0]);
    // 2 3 0 1: runs {2,3} and {0,1} tie; {2,3} starts earlier in the response.
    expect(measureOrdering('longest-consecutive-run', [2, 3, 0, 1]).items.map((i) => i.earned)).toEqual([1, 1, 0, 0]);
  });

  it('longest-*: a best length of 1 scores 0, and the statistic says why', () => {
    for (const rule of ['longest-ordered-subsequence', 'longest-consecutive-run'] as const) {
      const result = measureOrdering(rule, [3, 2, 1, 0]);
      expect(result.fraction).toEqual(F(0));
      expect(result.items.every((item) => item.earned === 0 && item.possible === 1)).toBe(true);
      expect(result.statistic.value).toBe(1);
      expect(result.statistic.text).toMatch(/of 1 of 4 items.*\(a single item earns no credit\)$/);
    }
    // Both searches bottom out at 1 only for the full reversal: any other order
    // has some item placed before its correct successor, a run (and subsequence) of 2.
    expect(measureOrdering('longest-consecutive-run', [0, 2, 1]).fraction).toEqual(F(2, 3));
    expect(measureOrdering('longest-consecutive-run', [2, 0, 1]).fraction).toEqual(F(2, 3));
  });

  it('next-item: the correct-last item is unscored wherever it is placed; the response-last item scores 0', () => {
    const result = measureOrdering('next-item', [2, 0, 1]); // C A B
    expect(result.items).toEqual([
      { earned: 0, possible: 0 }, // C: last in the correct order, "No score"
      { earned: 1, possible: 1 }, // A → B
      { earned: 0, possible: 1 }, // B: nothing follows it, C should
    ]);
    expect(result.fraction).toEqual(F(1, 2));
  });

  it('next-item-and-last: the correct last item placed last earns its point', () => {
    const result = measureOrdering('next-item-and-last', [1, 0, 2]); // B A C
    expect(result.items.map((item) => item.earned)).toEqual([0, 0, 1]);
    expect(result.fraction).toEqual(F(1, 3));
  });

  it('previous-and-next: edge points for the first item first and the last item last', () => {
    const result = measureOrdering('previous-and-next', [0, 2, 1, 3]); // A C B D
    expect(result.items.map((item) => item.earned)).toEqual([1, 0, 0, 1]);
    expect(result.fraction).toEqual(F(1, 4));
  });

  it('pairwise-order: one adjacent swap of 6 items is 1 inversion of 15 pairs, 14/15', () => {
    const result = measureOrdering('pairwise-order', [0, 1, 3, 2, 4, 5]);
    expect(result.fraction).toEqual(F(14, 15));
    expect(result.statistic).toEqual({ name: 'inversions', value: 1, of: 15, text: '1 inversion of 15 pairs' });
  });

  it('statistics: names, counts and singular/plural wording', () => {
    const stat = (rule: OrderingRuleName, response: number[]) => measureOrdering(rule, response).statistic;
    expect(stat('exact-position', [5, 1, 2, 3, 4, 0])).toEqual({
      name: 'items-in-place',
      value: 4,
      of: 6,
      text: '4 of 6 items in their exact position',
    });
    expect(stat('exact-position', [2, 1, 0]).text).toBe('1 of 3 items in its exact position');
    expect(stat('all-or-nothing', [5, 1, 2, 3, 4, 0])).toMatchObject({ name: 'items-in-place', value: 4, of: 6 });
    expect(stat('longest-ordered-subsequence', [1, 2, 0, 3, 4])).toEqual({
      name: 'longest-ordered-subsequence',
      value: 4,
      of: 5,
      text: 'a longest ordered subsequence of 4 of 5 items',
    });
    expect(stat('pairwise-order', [0, 1]).text).toBe('0 inversions of 1 pair');
    expect(stat('pairwise-order', [2, 1, 0]).text).toBe('3 inversions of 3 pairs');
    expect(stat('next-item', [0, 1])).toEqual({
      name: 'correct-successors',
      value: 1,
      of: 1,
      text: '1 of 1 item followed by its correct successor',
    });
    expect(stat('next-item', [2, 0, 1, 3]).text).toBe('1 of 3 items followed by its correct successor');
    expect(stat('next-item-and-last', [0, 1, 2])).toMatchObject({ name: 'correct-successors-and-last', value: 3, of: 3 });
    expect(stat('previous-and-next', [0, 2, 1, 3])).toMatchObject({ name: 'correct-neighbours', value: 2, of: 8 });
    expect(stat('position-distance', [5, 4, 3, 2, 1, 0])).toMatchObject({ name: 'position-points', value: 12, of: 30 });
  });
});

// ---------------------------------------------------------------------------
// Properties.
// ---------------------------------------------------------------------------

describe('measureOrdering: properties', () => {
  it('the fraction is reduced, in [0, 1], with one item score per position', () => {
    fc.assert(
      fc.property(fc.constantFrom(...RULES), permutationArb(2, 200), (rule, response) => {
        const { fraction: f, items } = measureOrdering(rule, response);
        expect(compare(f, F(0))).toBeGreaterThanOrEqual(0);
        expect(compare(f, F(1))).toBeLessThanOrEqual(0);
        expect(f).toEqual(fraction(f.n, f.d));
        expect(items).toHaveLength(response.length);
        for (const { earned, possible } of items) {
          expect(Number.isInteger(earned) && Number.isInteger(possible)).toBe(true);
          expect(earned).toBeGreaterThanOrEqual(0);
          expect(earned).toBeLessThanOrEqual(possible);
        }
      }),
    );
  });

  it('the identity permutation scores exactly 1 under every rule, with every scored item full', () => {
    fc.assert(
      fc.property(fc.constantFrom(...RULES), fc.integer({ min: 2, max: 300 }), (rule, n) => {
        const { fraction: f, items } = measureOrdering(rule, identity(n));
        expect(f).toEqual(F(1));
        expect(items.every((item) => item.earned === item.possible)).toBe(true);
      }),
    );
  });

  it('is deterministic and does not modify the response', () => {
    fc.assert(
      fc.property(fc.constantFrom(...RULES), permutationArb(2, 100), (rule, response) => {
        const copy = [...response];
        expect(measureOrdering(rule, response)).toEqual(measureOrdering(rule, copy));
        expect(response).toEqual(copy);
      }),
    );
  });

  it('except under all-or-nothing, the fraction is Σ earned / Σ possible over the items', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...RULES.filter((rule) => rule !== 'all-or-nothing')),
        permutationArb(2, 200),
        (rule, response) => {
          const { fraction: f, items } = measureOrdering(rule, response);
          const earned = items.reduce((sum, item) => sum + item.earned, 0);
          const possible = items.reduce((sum, item) => sum + item.possible, 0);
          expect(f).toEqual(fraction(earned, possible));
        },
      ),
    );
  });

  it('pairwise-order counts inversions like the quadratic definition', () => {
    fc.assert(
      fc.property(permutationArb(2, 120), (response) => {
        let inversions = 0;
        for (let i = 0; i < response.length; i++) {
          for (let j = i + 1; j < response.length; j++) if (response[i]! > response[j]!) inversions++;
        }
        expect(measureOrdering('pairwise-order', response).statistic.value).toBe(inversions);
      }),
    );
  });

  it('every rule finishes on 10,000 items', () => {
    const n = 10_000;
    const shuffled = seededPermutation(n, 20240601);
    const reversed = identity(n).reverse();
    for (const rule of RULES) {
      for (const response of [shuffled, reversed]) {
        const { fraction: f, items } = measureOrdering(rule, response);
        expect(items).toHaveLength(n);
        expect(fractionToNumber(f)).toBeGreaterThanOrEqual(0);
        expect(fractionToNumber(f)).toBeLessThanOrEqual(1);
      }
    }
    // Closed forms that are easy to state for the reversal.
    expect(measureOrdering('pairwise-order', reversed).fraction).toEqual(F(0));
    expect(measureOrdering('longest-ordered-subsequence', reversed).fraction).toEqual(F(0));
  });
});
