import type { ModuleRule } from '../types.js';
import { quoteText, words } from '../text.js';
import { questionsOf } from '../walk.js';

const ABSOLUTE = new Set(['always', 'never', 'only', 'all', 'none']);

/** The absolute words in a text, in order of appearance, each once. */
const absolutes = (text: string) => [...new Set(words(text).filter((word) => ABSOLUTE.has(word)))];

export const absoluteWords: ModuleRule = {
  id: 'absolute-words',
  why: 'Learners know that options with "always", "never", "only", "all" or "none" are usually wrong; when only distractors use them, they give the key away.',
  check(module) {
    return questionsOf(module).flatMap(({ question, path }) => {
      if (question.type !== 'single-choice' && question.type !== 'multiple-choice') return [];
      if (question.options.some((option) => option.correct && absolutes(option.text).length > 0)) return [];
      return question.options.flatMap((option, o) => {
        const found = absolutes(option.text);
        if (option.correct || found.length === 0) return [];
        return [
          {
            path: [...path, 'options', o, 'text'],
            message: `Distractor ${quoteText(option.text)} of question "${question.id}" says "${found.join('", "')}", and no keyed option does`,
          },
        ];
      });
    });
  },
};
