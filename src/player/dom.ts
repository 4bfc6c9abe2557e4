/// <reference lib="dom" />
// The player builds every node with the DOM: quiz text is always text, never markup.

/** A child to append: falsy values are left out, so conditional children read naturally. */
export type Child = Node | string | null | undefined | false;

/** The children that are there: drops `false`, `null` and `undefined`. */
export const present = (...children: Child[]): (Node | string)[] =>
  children.filter((child): child is Node | string => child !== null && child !== undefined && child !== false);

/** Creates an element with attributes and children; `false` and `undefined` attributes are left out. */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Readonly<Record<string, string | boolean | undefined>> = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === undefined || value === false) continue;
    element.setAttribute(name, value === true ? '' : value);
  }
  element.append(...present(...children));
  return element;
}

/** Says something through a polite live region (screen readers read it out). */
export function announcer(region: HTMLElement): (text: string) => void {
  return (text) => {
    // The same text twice in a row would not be re-read: vary it invisibly.
    region.textContent = region.textContent === text ? `${text}\u00a0` : text;
  };
}

/** Minutes and seconds left, as a clock reads (`4:05`); never below zero. */
export const clock = (ms: number): string => {
  const seconds = Math.max(0, Math.ceil(ms / 1000));
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
};
