import type { LearnerMultipleChoiceView, LearnerSingleChoiceView } from '../../attempts/index.js';
import { h } from '../dom.js';
import type { ControlContext } from './types.js';

/**
 * Radio buttons (single choice) or checkboxes (multiple choice). A single
 * choice can be taken back with "Clear my choice" (a radio group alone cannot
 * be emptied), which matters where a wrong answer costs points.
 */
export function choiceControl(question: LearnerSingleChoiceView | LearnerMultipleChoiceView, { response, onResponse, announce, messages }: ControlContext): HTMLElement {
  const single = question.type === 'single-choice';
  const chosen = new Set(single ? (typeof response === 'string' ? [response] : []) : Array.isArray(response) ? response : []);
  const list = h('div', { class: 'options', part: 'options' });
  for (const option of question.options) {
    const id = `${question.id}--${option.id}`;
    const input = h('input', { type: single ? 'radio' : 'checkbox', id, name: question.id, value: option.id });
    input.checked = chosen.has(option.id);
    list.append(h('div', { class: 'option', part: 'option' }, input, h('label', { for: id }, option.text)));
  }
  const checked = () => [...list.querySelectorAll<HTMLInputElement>('input:checked')].map((input) => input.value);
  const clear = single ? h('button', { type: 'button', class: 'clear-choice', id: `clear-${question.id}`, hidden: chosen.size === 0 }, messages.clearChoice) : undefined;
  list.addEventListener('change', () => {
    const ids = checked();
    if (clear) clear.hidden = ids.length === 0;
    if (single) onResponse(ids[0] ?? null);
    else onResponse(ids.length ? ids : null);
  });
  if (!clear) return list;
  clear.addEventListener('click', () => {
    for (const input of list.querySelectorAll<HTMLInputElement>('input')) input.checked = false;
    clear.hidden = true;
    onResponse(null);
    announce(messages.choiceCleared);
    // The button is gone: put focus back in the group, so the learner's place is kept.
    list.querySelector<HTMLInputElement>('input')?.focus();
  });
  return h('div', { class: 'choice-control' }, list, clear);
}
