import type { DeepReadonly, OrderingQuestion } from '../../schema/types.js';
import { type Checked, IssueList, UNANSWERED, checkIdList, perQuestion } from '../../scoring/check.js';
import { type ListRead, isEntries, readList } from '../../scoring/read-response.js';
import { fraction } from '../../fraction/fraction.js';
import type { Mutable, PartResult, RuleOutcome } from '../../scoring/types.js';
import { measureOrdering } from './measures.js';

type Question = DeepReadonly<OrderingQuestion>;

const itemIds = perQuestion((question: Question) => new Set(question.items.map((item) => item.id)));
const correctIndexOf = perQuestion((question: Question) => new Map(question.correctOrder.map((id, index) => [id, index])));
const itemFeedback = perQuestion((question: Question) => new Map(question.items.map((item) => [item.id, item.feedback])));

/** Reads an ordering response once: a list of at most as many entries as items, counted before any is read. */
export const readOrdering = (question: Question, response: unknown): ListRead => readList(response, question.items.length);

/**
 * Checks an ordering response, as {@link readOrdering} read it: every item id
 * exactly once. Nothing or an empty list is unanswered. A list longer than the
 * question's items is `too_many` (no entry was read). Answered, the value is the copy.
 */
export function checkOrderingRead(question: Question, read: ListRead, path: readonly (string | number)[]): Checked<readonly string[]> {
  if (isEntries(read) ? read.length === 0 : read.kind === 'value' && (read.value === undefined || read.value === null)) return UNANSWERED;
  const ids = itemIds(question);
  const issues = new IssueList(question.id, path);
  const list = checkIdList(read, ids, ids.size, issues, 'item');
  if (list && issues.issues.length === 0 && list.length < ids.size) {
    // A Set, so an incomplete order costs linear time (issue #19: `list.includes`
    // per item made it O(n²)). Sorted, so the message never hints at the
    // authored (often the correct) order.
    const given = new Set(list);
    const missing = [...ids].filter((id) => !given.has(id)).sort();
    issues.add('incomplete_order', `Put every item in order; missing: ${missing.join(', ')}`);
  }
  return issues.result(list ?? []);
}

/** The answer key: the correct order. */
export function orderingKey(question: Question): readonly string[] {
  return question.correctOrder;
}

/** Scores a checked ordering response with the question's rule (see `measureOrdering`). */
export function scoreOrdering(question: Question, order: readonly string[]): RuleOutcome {
  const correctIndex = correctIndexOf(question);
  const positions = order.map((id) => correctIndex.get(id)!);
  const measure = measureOrdering(question.rule.name, positions);
  const feedback = itemFeedback(question);
  const parts = order.map((id, index) => {
    const { earned, possible } = measure.items[index]!;
    const correct = positions[index] === index;
    const part: Mutable<PartResult> = { id, kind: 'item', response: index, correct, earned: fraction(earned), possible: fraction(possible) };
    const note = feedback.get(id);
    if (!correct && note) part.feedback = note;
    return part;
  });
  return { fraction: measure.fraction, parts, statistic: measure.statistic };
}
