import type { ModuleRule } from '../types.js';
import { quoteText } from '../text.js';
import { choiceTexts, questionsOf } from '../walk.js';

const OF_THE_ABOVE = /\b(all|none|both|neither)\s+of\s+(the\s+)?(above|these|them|those|the\s+options)\b/i;

export const allNoneOfTheAbove: ModuleRule = {
  id: 'all-none-of-the-above',
  why: '"All/none of the above" tests reading the other options, not the content, and breaks when options are shuffled.',
  check(module) {
    return questionsOf(module).flatMap((placed) =>
      choiceTexts(placed)
        .filter((choice) => OF_THE_ABOVE.test(choice.text))
        .map((choice) => ({
          path: choice.path,
          message: `Option ${quoteText(choice.text)} of question "${placed.question.id}" refers to the other options`,
        })),
    );
  },
};
