import type { ModuleRule } from '../types.js';
import { quoteText } from '../text.js';
import { questionsOf } from '../walk.js';

/**
 * How much longer than every distractor the key must be to be flagged. At
 * 1.25 the current module's two cases (81 vs 58 and 95 vs 49 characters)
 * are caught, and no key within a quarter of its longest distractor is.
 */
const MARGIN = 1.25;
/** …and by at least this many characters: "Beijing" against "Seoul" is no clue. */
const MIN_DIFFERENCE = 12;

export const longestKey: ModuleRule = {
  id: 'longest-key',
  why: 'Test-wise learners pick the longest option, because authors qualify the right answer more carefully than the wrong ones.',
  check(module) {
    return questionsOf(module).flatMap(({ question, path }) => {
      if (question.type !== 'single-choice' && question.type !== 'multiple-choice') return [];
      const length = (text: string) => text.replace(/\s+/g, ' ').trim().length;
      const keys = question.options.map((option, o) => ({ option, o })).filter(({ option }) => option.correct);
      const distractors = question.options.filter((option) => !option.correct);
      if (keys.length === 0 || distractors.length === 0) return [];
      const longestDistractor = Math.max(...distractors.map((option) => length(option.text)));
      const shortestKey = Math.min(...keys.map(({ option }) => length(option.text)));
      if (shortestKey < longestDistractor * MARGIN || shortestKey - longestDistractor < MIN_DIFFERENCE) return [];
      const [first] = keys;
      const what = keys.length === 1 ? `The keyed option ${quoteText(first!.option.text)} is ${shortestKey} characters,` : `Every keyed option is ${shortestKey} or more characters,`;
      return [
        {
          path: [...path, 'options', first!.o, 'text'],
          message: `${what} at least ${Math.round((shortestKey / longestDistractor - 1) * 100)}% longer than the longest distractor (${longestDistractor}), in question "${question.id}"`,
        },
      ];
    });
  },
};
