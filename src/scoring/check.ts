import { isDeepFrozen } from '../schema/freeze.js';
import { type ListRead, Opaque, type Plain, isEntries } from './read-response.js';
import type { ResponseIssue, ResponseIssueCode } from './types.js';

/** The outcome of checking a response's shape against its question. */
export type Checked<R> =
  | { readonly kind: 'answered'; readonly value: R }
  | { readonly kind: 'unanswered' }
  | { readonly kind: 'invalid'; readonly issues: readonly ResponseIssue[] };

export const UNANSWERED = { kind: 'unanswered' } as const;

/** Collects issues for one question's response, each at its path. */
export class IssueList {
  readonly issues: ResponseIssue[] = [];
  constructor(
    private readonly questionId: string,
    private readonly path: readonly (string | number)[],
  ) {}

  add(code: ResponseIssueCode, message: string, ...at: (string | number)[]): void {
    this.issues.push({ code, questionId: this.questionId, path: [...this.path, ...at], message });
  }

  result<R>(value: R): Checked<R> {
    return this.issues.length ? { kind: 'invalid', issues: this.issues } : { kind: 'answered', value };
  }
}

/** Names what was found, for a message; only ever given values already read into plain data. */
const describe = (value: Plain) =>
  value instanceof Opaque ? value.found : value === null ? 'null' : typeof value === 'number' && Number.isNaN(value) ? 'NaN' : typeof value;

/**
 * Checks a list of ids (multiple-choice selections, an ordering) against the
 * allowed ids: a list, no longer than `max` (checked before looking inside,
 * so an oversized list costs nothing), each a known id, none twice. Takes the
 * response as `readList` read it, and returns that copy, so the scorer never
 * touches the caller's value.
 */
export function checkIdList(
  read: ListRead,
  allowed: ReadonlySet<string>,
  max: number,
  issues: IssueList,
  what: string,
): readonly string[] | undefined {
  if (!isEntries(read)) {
    if (read.kind === 'too_many') issues.add('too_many', `Expected at most ${max} ${what} ids, found ${read.found}`);
    else issues.add('invalid_shape', `Expected a list of ${what} ids, found ${describe(read.value)}`);
    return undefined;
  }
  const seen = new Set<string>();
  const list = read;
  // Holes were read as `undefined`, so `new Array(3)` cannot pass as an answer.
  for (let index = 0; index < list.length; index++) {
    const id = list[index];
    if (typeof id !== 'string') {
      issues.add('invalid_shape', `Expected ${what} id as a string, found ${describe(id)}`, index);
    } else if (!allowed.has(id)) {
      issues.add('unknown_choice', `"${clip(id)}" is not ${what === 'item' ? 'an' : 'a'} ${what} of this question`, index);
    } else if (seen.has(id)) {
      issues.add('duplicate_choice', `"${id}" is given more than once`, index);
    } else {
      seen.add(id);
    }
  }
  return list as readonly string[];
}

/** Shortens an untrusted string before it goes into a message. */
export const clip = (text: string) => (text.length > 40 ? `${text.slice(0, 40)}…` : text);

/** Keys that would reach `Object.prototype` if a response were copied naively. */
export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

export { describe as describeValue };

/**
 * Caches what a question (or quiz) derives from itself (id sets, index maps) for as long
 * as the object lives, so scoring many attempts builds them once. Only a deeply frozen
 * object is cached (every parse result is one): a hand-built or edited question is
 * derived afresh on each call, so an edit in place can never leave a stale key behind.
 */
export function perQuestion<Q extends object, V>(derive: (question: Q) => V): (question: Q) => V {
  const cache = new WeakMap<Q, V>();
  return (question) => {
    let value = cache.get(question);
    if (value !== undefined) return value;
    value = derive(question);
    // Checked once per object: a frozen object stays frozen, and an unfrozen one fails at its top.
    if (isDeepFrozen(question)) cache.set(question, value);
    return value;
  };
}
