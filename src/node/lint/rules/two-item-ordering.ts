import type { ModuleRule } from '../types.js';
import { questionsOf } from '../walk.js';

export const twoItemOrdering: ModuleRule = {
  id: 'two-item-ordering',
  why: 'An ordering of two items is a true-or-false question in disguise: half of all blind guesses are right.',
  check(module) {
    return questionsOf(module).flatMap(({ question, path }) =>
      question.type === 'ordering' && question.items.length === 2
        ? [{ path: [...path, 'items'], message: `Ordering question "${question.id}" has 2 items; add a third, or ask it as a single choice` }]
        : [],
    );
  },
};
