import type { LearnerMatchingView } from '../../attempts/index.js';
import { h } from '../dom.js';
import type { ControlContext } from './types.js';

/** The select value for "none of these": not a possible actor id (ids never contain parentheses). */
const NONE = '(none)';

/** One select per statement, listing the actors (and "None of these" where allowed). */
export function matchingControl(question: LearnerMatchingView, { response, onResponse, messages }: ControlContext): HTMLElement {
  const given = response !== null && typeof response === 'object' && !Array.isArray(response) ? (response as Readonly<Record<string, string | null>>) : {};
  const rows = h('div', { class: 'matches', part: 'matches' });
  const selects: HTMLSelectElement[] = [];
  for (const statement of question.statements) {
    const id = `${question.id}--${statement.id}`;
    const select = h(
      'select',
      { id, 'data-statement': statement.id },
      h('option', { value: '' }, messages.chooseActor),
      ...question.actors.map((actor) => h('option', { value: actor.id }, actor.name)),
      question.allowNoMatch && h('option', { value: NONE }, messages.noneOfThese),
    );
    if (Object.hasOwn(given, statement.id)) select.value = given[statement.id] === null ? NONE : (given[statement.id] ?? '');
    selects.push(select);
    rows.append(h('div', { class: 'match', part: 'match' }, h('label', { for: id }, statement.text), select));
  }
  rows.addEventListener('change', () => {
    const matches: Record<string, string | null> = {};
    for (const select of selects) {
      if (select.value === '') continue;
      matches[select.dataset.statement!] = select.value === NONE ? null : select.value;
    }
    onResponse(Object.keys(matches).length ? matches : null);
  });
  return rows;
}
