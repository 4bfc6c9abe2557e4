import type { LearnerOrderingView } from '../../attempts/index.js';
import { h } from '../dom.js';
import type { ControlContext } from './types.js';

/**
 * An ordering list, three ways to move an item, all ending in the same answer:
 *
 * - **Move up / Move down buttons.** After a move, focus stays on the button
 *   just used, now on the item's new place, and the page scrolls by as much
 *   as the item moved, so the same button stays under the finger or pointer:
 *   tapping again moves the same item again (not the one swapped in).
 * - **Dragging the handle** with pointer events: mouse, pen and touch alike
 *   (HTML5 drag and drop does not work by touch). The handle has
 *   `touch-action: none`, so a drag on it never scrolls the page.
 * - **The keyboard on the handle**: Space lifts the item, the arrow keys move
 *   it, Space drops it and Escape puts it back; each step is announced.
 */
export function orderingControl(question: LearnerOrderingView, { response, onResponse, announce, messages }: ControlContext): HTMLElement {
  const texts = new Map(question.items.map((item) => [item.id, item.text]));
  const total = question.items.length;
  const start = Array.isArray(response) && response.length === total ? (response as readonly string[]) : question.items.map((item) => item.id);
  const list = h('ol', { class: 'ordering', part: 'ordering', id: `order-${question.id}`, 'aria-describedby': `hint-${question.id}` });
  const items = () => [...list.children] as HTMLLIElement[];
  const textOf = (li: HTMLLIElement) => texts.get(li.dataset.id!) ?? li.dataset.id!;
  const positionOf = (li: HTMLLIElement) => items().indexOf(li) + 1;
  const refresh = () => {
    const all = items();
    all.forEach((li, index) => {
      li.querySelector('.move-up')!.setAttribute('aria-disabled', String(index === 0));
      li.querySelector('.move-down')!.setAttribute('aria-disabled', String(index === all.length - 1));
    });
  };
  const answer = () => onResponse(items().map((item) => item.dataset.id!));
  /** Puts `li` before the item now at `index` (or last), keeping `anchor` where it was on screen. */
  let moving = false;
  const moveTo = (li: HTMLLIElement, index: number, anchor?: HTMLElement) => {
    const before = anchor?.getBoundingClientRect().top;
    const others = items().filter((item) => item !== li);
    const next = others[index];
    // Moving a node can blur the focused handle inside it: that is not the learner leaving.
    moving = true;
    if (next) next.before(li);
    else list.append(li);
    moving = false;
    refresh();
    if (anchor && before !== undefined) {
      // Keep the pressed button under the finger: scroll by as much as it moved.
      const moved = anchor.getBoundingClientRect().top - before;
      if (moved !== 0) window.scrollBy({ top: moved, behavior: 'instant' });
    }
  };

  const step = (li: HTMLLIElement, delta: -1 | 1, button: HTMLElement) => {
    const from = positionOf(li) - 1;
    const to = from + delta;
    if (to < 0 || to >= total) {
      announce(delta < 0 ? messages.alreadyFirst(textOf(li)) : messages.alreadyLast(textOf(li)));
      return;
    }
    moveTo(li, to, button);
    button.focus();
    announce(messages.moved(textOf(li), to + 1, total));
    answer();
  };

  // Keyboard drag: one item lifted at a time.
  let lifted: { li: HTMLLIElement; from: number } | undefined;
  const drop = (cancel: boolean, refocus = true) => {
    if (!lifted) return;
    const { li, from } = lifted;
    lifted = undefined;
    li.classList.remove('lifted');
    li.querySelector('.grip')!.setAttribute('aria-pressed', 'false');
    if (cancel) {
      moveTo(li, from);
      announce(messages.dragCancelled(textOf(li), from + 1, total));
    } else {
      announce(messages.dropped(textOf(li), positionOf(li), total));
      if (positionOf(li) - 1 !== from) answer();
    }
    if (refocus) li.querySelector<HTMLElement>('.grip')!.focus();
  };

  for (const id of start) {
    const text = texts.get(id) ?? id;
    const grip = h('button', { type: 'button', class: 'grip', part: 'grip', 'aria-label': messages.dragHandle(text), 'aria-pressed': 'false' }, h('span', { 'aria-hidden': 'true' }, '⠿'));
    const up = h('button', { type: 'button', class: 'move move-up', 'aria-label': messages.moveUpLabel(text) }, h('span', { 'aria-hidden': 'true' }, '↑'), ` ${messages.moveUp}`);
    const down = h('button', { type: 'button', class: 'move move-down', 'aria-label': messages.moveDownLabel(text) }, h('span', { 'aria-hidden': 'true' }, '↓'), ` ${messages.moveDown}`);
    const li = h('li', { class: 'order-item', part: 'order-item', 'data-id': id }, grip, h('span', { class: 'item-text' }, text), h('span', { class: 'moves' }, up, down));
    up.addEventListener('click', () => step(li, -1, up));
    down.addEventListener('click', () => step(li, 1, down));
    grip.addEventListener('keydown', (event) => {
      if (event.key === ' ' || event.key === 'Enter') {
        event.preventDefault();
        if (lifted?.li === li) return drop(false);
        drop(false);
        lifted = { li, from: positionOf(li) - 1 };
        li.classList.add('lifted');
        grip.setAttribute('aria-pressed', 'true');
        announce(messages.lifted(text, positionOf(li), total));
      } else if (event.key === 'Escape' && lifted?.li === li) {
        event.preventDefault();
        drop(true);
      } else if ((event.key === 'ArrowUp' || event.key === 'ArrowDown') && lifted?.li === li) {
        event.preventDefault();
        const to = positionOf(li) - 1 + (event.key === 'ArrowUp' ? -1 : 1);
        if (to < 0 || to >= total) {
          announce(to < 0 ? messages.alreadyFirst(text) : messages.alreadyLast(text));
          return;
        }
        moveTo(li, to);
        grip.focus();
        announce(messages.moved(text, to + 1, total));
      }
    });
    // Leaving the handle while an item is lifted drops it where it is.
    grip.addEventListener('blur', () => {
      if (!moving && lifted?.li === li) drop(false, false);
    });
    list.append(li);
  }
  refresh();

  // Pointer drag (mouse, pen, touch) on the handle: the item follows the pointer's vertical position.
  let dragging: { li: HTMLLIElement; from: number; pointer: number } | undefined;
  list.addEventListener('pointerdown', (event) => {
    const grip = event.target instanceof Element ? event.target.closest<HTMLElement>('.grip') : null;
    if (!grip || event.button !== 0) return;
    const li = grip.closest<HTMLLIElement>('li.order-item')!;
    event.preventDefault();
    grip.setPointerCapture(event.pointerId);
    dragging = { li, from: positionOf(li) - 1, pointer: event.pointerId };
    li.classList.add('dragging');
  });
  list.addEventListener('pointermove', (event) => {
    if (!dragging || event.pointerId !== dragging.pointer) return;
    const { li } = dragging;
    // The place among the other items whose middle the pointer has passed.
    const others = items().filter((item) => item !== li);
    let index = others.findIndex((item) => {
      const box = item.getBoundingClientRect();
      return event.clientY < box.top + box.height / 2;
    });
    if (index === -1) index = others.length;
    if (index !== positionOf(li) - 1) moveTo(li, index);
  });
  const endDrag = (event: PointerEvent) => {
    if (!dragging || event.pointerId !== dragging.pointer) return;
    const { li, from } = dragging;
    dragging = undefined;
    li.classList.remove('dragging');
    const to = positionOf(li) - 1;
    if (event.type === 'pointercancel') {
      moveTo(li, from);
      return;
    }
    if (to !== from) {
      announce(messages.moved(textOf(li), to + 1, total));
      answer();
    }
  };
  list.addEventListener('pointerup', endDrag);
  list.addEventListener('pointercancel', endDrag);

  // The shuffled start may already be the order the learner wants (it is never
  // steered away from the key, which would reveal it): let them say so.
  const keep = h('button', { type: 'button', class: 'keep-order', id: `keep-${question.id}` }, messages.useThisOrder);
  keep.addEventListener('click', () => {
    announce(messages.orderKept);
    answer();
  });
  return h('div', { class: 'ordering-control' }, list, keep);
}
