import type { Readable, Writable } from 'node:stream';

/**
 * What the CLI reads and writes, so `main` runs in-process in tests exactly
 * as in a terminal: the three streams, the working directory, the
 * environment and the clock.
 */
export interface CliIo {
  /** Where `play` reads answers typed by the learner. `isTTY` tells whether a person is there. */
  readonly stdin: Readable & { readonly isTTY?: boolean };
  /** Results and reports. Colour only when `isTTY` is true and `NO_COLOR` is unset. */
  readonly stdout: Writable & { readonly isTTY?: boolean };
  /** Progress, summaries, usage errors. */
  readonly stderr: Writable & { readonly isTTY?: boolean };
  /** The directory relative paths are read from. */
  readonly cwd: string;
  /** The environment (`NO_COLOR`). */
  readonly env: Readonly<Record<string, string | undefined>>;
  /** The clock, in epoch milliseconds. */
  readonly now: () => number;
}

/** A usage error: exit code 2, one line naming the problem, one line hinting at the fix. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
  constructor(
    message: string,
    /** What to run instead, e.g. `quizkit validate --help`. */
    readonly hint?: string,
  ) {
    super(message);
  }
}

/** ANSI styles, or identity functions when colour is off. */
export interface Styles {
  readonly bold: (text: string) => string;
  readonly dim: (text: string) => string;
  readonly red: (text: string) => string;
  readonly green: (text: string) => string;
  readonly yellow: (text: string) => string;
  readonly cyan: (text: string) => string;
}

const wrap = (open: number, close: number) => (text: string) => `\u001b[${open}m${text}\u001b[${close}m`;
const plain = (text: string) => text;

/**
 * The styles for a stream: colour only on a terminal, and never when
 * `NO_COLOR` is set to anything but the empty string (https://no-color.org).
 */
export function stylesFor(stream: { readonly isTTY?: boolean }, env: CliIo['env']): Styles {
  const colour = stream.isTTY === true && !env.NO_COLOR;
  return colour
    ? { bold: wrap(1, 22), dim: wrap(2, 22), red: wrap(31, 39), green: wrap(32, 39), yellow: wrap(33, 39), cyan: wrap(36, 39) }
    : { bold: plain, dim: plain, red: plain, green: plain, yellow: plain, cyan: plain };
}

/** Writes lines to the CLI's streams, styled for each. */
export class Output {
  readonly out: Styles;
  readonly err: Styles;
  constructor(readonly io: CliIo) {
    this.out = stylesFor(io.stdout, io.env);
    this.err = stylesFor(io.stderr, io.env);
  }
  /** Writes text to stdout, adding a newline. */
  print(text = ''): void {
    this.io.stdout.write(`${text}\n`);
  }
  /** Writes text to stderr, adding a newline. */
  error(text = ''): void {
    this.io.stderr.write(`${text}\n`);
  }
}

/**
 * A file name as a terminal shows it: as it is, unless it holds control
 * characters (a newline, or an escape sequence that would restyle or move
 * the cursor), then as a JSON string literal, one line, every such character
 * visible as an escape.
 */
export function printable(name: string): string {
  // eslint-disable-next-line no-control-regex
  return /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/.test(name) ? JSON.stringify(name).replace(/[\u007f-\u009f\u2028\u2029]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`) : name;
}

/** Resolves on Ctrl-C (SIGINT) or SIGTERM: how the commands that serve (preview, serve) are stopped. */
export const stopSignal = (): Promise<void> =>
  new Promise<void>((resolve) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
