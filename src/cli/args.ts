import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from './io.js';
import { closest } from './suggest.js';

/** The flags a command takes, as `parseArgs` describes them. */
export type FlagSpec = NonNullable<ParseArgsConfig['options']>;

/** Parsed flags: strings and booleans by name. */
export type Flags = Readonly<Record<string, string | boolean | undefined>>;

/**
 * Parses a command's arguments with `node:util` `parseArgs`, strictly:
 * unknown flags, a missing flag value or a missing or stray positional
 * become a {@link UsageError} pointing at the command's `--help`. `--help`
 * (`-h`) is accepted by every command.
 */
export function parseCommand(
  command: string,
  args: readonly string[],
  options: FlagSpec,
  positionals: { readonly min: number; readonly max: number; readonly what: string },
): { flags: Flags; positionals: string[] } {
  const hint = `Run: quizkit ${command} --help`;
  let parsed: { values: Record<string, unknown>; positionals: string[] };
  try {
    parsed = parseArgs({ args: [...args], options: { ...options, help: { type: 'boolean', short: 'h' } }, allowPositionals: true, strict: true });
  } catch (error) {
    const message = error instanceof Error ? (error.message.split('\n')[0] ?? '') : String(error);
    const unknown = /^Unknown option '--([^'=]+)/.exec(message)?.[1];
    const guess = unknown === undefined ? undefined : closest(unknown, [...Object.keys(options), 'help']);
    throw new UsageError(message.replace(/\. To specify a positional argument.*$/, '').replace(/\.$/, ''), guess ? `Did you mean --${guess}? ${hint}` : hint);
  }
  const flags = parsed.values as Flags;
  if (!flags.help) {
    if (parsed.positionals.length < positionals.min) throw new UsageError(`quizkit ${command} needs ${positionals.what}`, hint);
    if (parsed.positionals.length > positionals.max) throw new UsageError(`Unexpected argument "${parsed.positionals[positionals.max]}"`, hint);
  }
  return { flags, positionals: parsed.positionals };
}

/** A string flag's value, or `undefined`. */
export const stringFlag = (flags: Flags, name: string): string | undefined => {
  const value = flags[name];
  return typeof value === 'string' ? value : undefined;
};
