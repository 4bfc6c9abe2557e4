import { type Document, isAlias, isMap, isScalar, isSeq, type Pair, type YAMLMap } from 'yaml';

/**
 * Line and column of a character offset, from line starts found in one pass
 * over the text. yaml's own `LineCounter` is fed by the lexer, which misses
 * line breaks inside tokens it re-reads while recovering from a syntax error
 * (a key five lines down was reported two lines up); counting `\n` in the
 * text itself cannot drift.
 *
 * @internal
 */
export class LineIndex {
  private readonly starts: number[] = [0];

  constructor(private readonly text: string) {
    for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) this.starts.push(at + 1);
  }

  /** 1-based line and column (in UTF-16 code units) of an offset, clamped to the text. */
  linePos(offset: number): { line: number; col: number } {
    const at = Math.max(0, Math.min(offset, this.text.length));
    let low = 0;
    let high = this.starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if ((this.starts[middle] ?? 0) <= at) low = middle;
      else high = middle - 1;
    }
    return { line: low + 1, col: at - (this.starts[low] ?? 0) + 1 };
  }
}

/**
 * A function giving the character offset in the source of the value at
 * `path`: for `atKey` (an `unknown_field` issue), of the offending key; when
 * the path does not exist (a missing field), of the nearest ancestor that
 * does. Each mapping's keys are indexed once, on first use, so locating one
 * issue per key of a 1 000-key mapping costs linear time, not quadratic.
 *
 * @internal
 */
export function locator(document: Document.Parsed): (path: readonly (string | number)[], atKey: boolean) => number {
  const keyIndex = new WeakMap<YAMLMap, Map<string, Pair>>();
  const pairOf = (map: YAMLMap, key: string): Pair | undefined => {
    let index = keyIndex.get(map);
    if (!index) {
      index = new Map();
      // Keys are read as strings (`stringKeys`); the last duplicate wins, as in `toJS`.
      for (const item of map.items as Pair[]) if (isScalar(item.key)) index.set(String(item.key.value), item);
      keyIndex.set(map, index);
    }
    return index.get(key);
  };
  return (path, atKey) => {
    let node: unknown = document.contents;
    let offset = rangeStart(node) ?? 0;
    for (const [index, segment] of path.entries()) {
      if (isAlias(node)) node = node.resolve(document);
      if (isMap(node)) {
        const pair = pairOf(node, String(segment));
        if (!pair) break;
        if (atKey && index === path.length - 1) return rangeStart(pair.key) ?? offset;
        node = pair.value;
        offset = rangeStart(node) ?? rangeStart(pair.key) ?? offset;
      } else if (isSeq(node) && typeof segment === 'number') {
        node = node.items[segment];
        if (node === undefined) break;
        offset = rangeStart(node) ?? offset;
      } else {
        break;
      }
    }
    return offset;
  };
}

/**
 * The offset of the value at `path` (see {@link locator}), for one look-up.
 *
 * @internal
 */
export function offsetOf(document: Document.Parsed, path: readonly (string | number)[], atKey: boolean): number {
  return locator(document)(path, atKey);
}

function rangeStart(node: unknown): number | undefined {
  const range = (node as { range?: readonly number[] | null } | null | undefined)?.range;
  return range?.[0];
}
