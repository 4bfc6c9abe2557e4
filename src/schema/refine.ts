import type * as z from 'zod';
import { issueParams } from './codes.js';

/** Reports every repeat of an id in a list, at the repeat's own path. */
export function duplicateIds(list: readonly { id: string }[], ctx: z.RefinementCtx, what: string): void {
  const first = new Map<string, number>();
  list.forEach(({ id }, index) => {
    const earlier = first.get(id);
    if (earlier === undefined) {
      first.set(id, index);
    } else {
      ctx.addIssue({
        code: 'custom',
        params: issueParams('duplicate_id'),
        path: [index, 'id'],
        message: `The ${what} id "${id}" is already used by ${what} ${earlier + 1}; ids must be unique`,
      });
    }
  });
}

/** Collapses runs of whitespace so a quote may wrap differently from its section. */
export const normalizeWhitespace = (text: string) => text.replace(/\s+/g, ' ').trim();
