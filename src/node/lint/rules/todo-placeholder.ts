import { findPlaceholders } from '../../placeholders.js';
import type { ModuleRule } from '../types.js';

// The same placeholders `quizkit validate` warns about (code `todo_placeholder`),
// so `lint --strict` refuses an unfinished module too.
export const todoPlaceholder: ModuleRule = {
  id: 'todo-placeholder',
  why: 'A TODO left by `quizkit new`, `import` or `draft` is text the author has not written yet; learners would read it.',
  check(module) {
    return findPlaceholders(module).map((issue) => ({ path: issue.path, message: issue.message }));
  },
};
