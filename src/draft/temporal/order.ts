import { NOW, type StatedOrder } from './cues.js';

/**
 * The partial order an article's words state: the stated orders closed under
 * transitivity. Two events are ordered only when a chain of stated orders
 * links them; anything else is "order not stated", and never shares an
 * ordering question.
 */

/** The partial order over an article's events. */
export interface PartialOrder {
  /** The events it orders, in order of first mention (the time of writing left out). */
  readonly events: readonly string[];
  /** Whether the text fixes `a` before `b`, directly or by transitivity. */
  readonly precedes: (a: string, b: string) => boolean;
  /** The pairs whose order the text does not state, in order of first mention. */
  readonly unstated: readonly (readonly [string, string])[];
  /** Events the text puts both before and after each other (a contradiction); they get no ordering question. */
  readonly contradictory: readonly string[];
  /** The longest chains that no longer chain contains, each fixed pair by pair, earliest first. */
  readonly chains: readonly (readonly string[])[];
}

/** At most this many chains are drafted; an article with more has more than a quiz can use. */
const MAX_CHAINS = 12;
/** At most this many items in one chain (a question's limit is 50). */
const MAX_CHAIN = 8;

/**
 * Builds the partial order from the stated orders: the transitive closure
 * (through the time of writing, so a "recent" meeting comes before a "next
 * month" anniversary), the unstated pairs, and the maximal chains.
 *
 * @param events The event keys, in order of first mention.
 * @param orders The orders the text states.
 *
 * @returns The partial order.
 */
export function buildPartialOrder(events: readonly string[], orders: readonly StatedOrder[]): PartialOrder {
  const nodes = [...events, NOW];
  const index = new Map(nodes.map((node, i) => [node, i]));
  const n = nodes.length;
  const close = (skip: ReadonlySet<string>): boolean[][] => {
    const reach: boolean[][] = nodes.map(() => new Array<boolean>(n).fill(false));
    for (const order of orders) {
      if (skip.has(order.before) || skip.has(order.after)) continue;
      const a = index.get(order.before);
      const b = index.get(order.after);
      if (a !== undefined && b !== undefined) reach[a]![b] = true;
    }
    for (let k = 0; k < n; k++) {
      const rowK = reach[k]!;
      for (let i = 0; i < n; i++) {
        const rowI = reach[i]!;
        if (!rowI[k]) continue;
        for (let j = 0; j < n; j++) if (rowK[j]) rowI[j] = true;
      }
    }
    return reach;
  };
  const first = close(new Set());
  const contradictory = events.filter((event) => first[index.get(event)!]![index.get(event)!]);
  // Nothing is ordered through an event the text orders both ways: its orders are dropped, then the rest closed again.
  const reach = contradictory.length ? close(new Set(contradictory)) : first;
  const bad = new Set(contradictory);
  const precedes = (a: string, b: string) => {
    if (bad.has(a) || bad.has(b)) return false;
    const i = index.get(a);
    const j = index.get(b);
    return i !== undefined && j !== undefined && i !== j && reach[i]![j] === true;
  };
  const real = events.filter((event) => !bad.has(event));
  const unstated: [string, string][] = [];
  for (let i = 0; i < real.length; i++) {
    for (let j = i + 1; j < real.length; j++) {
      const a = real[i]!;
      const b = real[j]!;
      if (!precedes(a, b) && !precedes(b, a)) unstated.push([a, b]);
    }
  }
  // Maximal chains through the covering pairs (a before b with nothing stated between them).
  const covers = (a: string, b: string) => precedes(a, b) && !real.some((c) => precedes(a, c) && precedes(c, b));
  const ordered = real.filter((event) => real.some((other) => precedes(event, other) || precedes(other, event)));
  const chains: string[][] = [];
  const walk = (path: string[]) => {
    if (chains.length >= MAX_CHAINS) return;
    const last = path[path.length - 1]!;
    const next = ordered.filter((event) => covers(last, event));
    if (next.length === 0 || path.length >= MAX_CHAIN) {
      if (path.length >= 2) chains.push(path);
      return;
    }
    for (const event of next) walk([...path, event]);
  };
  for (const start of ordered.filter((event) => !ordered.some((other) => precedes(other, event)))) walk([start]);
  return { events: real, precedes, unstated, contradictory, chains };
}

/**
 * Whether every adjacent pair of a proposed order is fixed by the text: the
 * one check every drafted ordering question passes.
 *
 * @param order The proposed order, earliest first.
 * @param precedes The partial order's relation.
 *
 * @returns `true` when each item is stated to come before the next.
 */
export function isFixedChain(order: readonly string[], precedes: (a: string, b: string) => boolean): boolean {
  return order.length >= 2 && order.every((item, i) => i === 0 || precedes(order[i - 1]!, item));
}
