import { type Document, isAlias, isMap, isScalar, isSeq } from 'yaml';

/**
 * The character offset in the source of the value at `path`: for an
 * `unknown_field` issue, of the offending key; when the path does not exist
 * (a missing field), of the nearest ancestor that does.
 *
 * @internal
 */
export function offsetOf(document: Document.Parsed, path: readonly (string | number)[], atKey: boolean): number {
  let node: unknown = document.contents;
  let offset = rangeStart(node) ?? 0;
  for (const [index, segment] of path.entries()) {
    if (isAlias(node)) node = node.resolve(document);
    if (isMap(node)) {
      // Keys are read as strings (`stringKeys`); the last duplicate wins, as in `toJS`.
      const pair = [...node.items].reverse().find((item) => isScalar(item.key) && String(item.key.value) === String(segment));
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
}

function rangeStart(node: unknown): number | undefined {
  const range = (node as { range?: readonly number[] | null } | null | undefined)?.range;
  return range?.[0];
}
