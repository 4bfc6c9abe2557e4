/**
 * Whether a reported `line:column` lies inside the text it is about: lines
 * split at `\n` (a `\r` before it counts as a character of its line, as in
 * the YAML parser's line counter), columns 1-based in UTF-16 code units, and
 * one past the last character of a line allowed (a value missing at the end
 * of a line is reported there).
 */
export interface Located {
  readonly line?: number | undefined;
  readonly column?: number | undefined;
}

/** A function telling whether a position is inside `text`; a message when it is not. */
export function positionChecker(text: string): (at: Located, what: string) => string | undefined {
  const lines = text.split('\n');
  return (at, what) => {
    const { line, column } = at;
    if (line === undefined && column === undefined) return undefined;
    if (!Number.isInteger(line) || !Number.isInteger(column)) return `${what} has line ${String(line)}, column ${String(column)}: not integers`;
    if (line! < 1 || line! > lines.length) return `${what} is at line ${line}, but the text has ${lines.length} lines`;
    const length = lines[line! - 1]!.length;
    if (column! < 1 || column! > length + 1) return `${what} is at ${line}:${column}, but line ${line} has ${length} characters`;
    return undefined;
  };
}

