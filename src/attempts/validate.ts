// A small hand-written validator for saved attempts: the core stays free of
// zod. Each check returns the value it accepted — rebuilt, with only known
// keys, as own properties — or BAD after recording an issue at its path.

import { LIMITS } from '../schema/limits.js';
import type { AttemptIssue } from './errors.js';

export const BAD: unique symbol = Symbol('bad');
type Path = readonly (string | number)[];

/** Collects issues, at most `MAX_ISSUES`, so a hostile document yields a short report. */
export class Issues {
  static readonly MAX_ISSUES = 20;
  readonly list: AttemptIssue[] = [];
  add(path: Path, message: string, code = 'invalid_attempt'): typeof BAD {
    if (this.list.length < Issues.MAX_ISSUES) this.list.push({ code, path: [...path], message });
    return BAD;
  }
}

export type Check<T> = (value: unknown, path: Path, issues: Issues) => T | typeof BAD;

const describe = (value: unknown) =>
  value === null ? 'null' : Array.isArray(value) ? 'a list' : typeof value === 'string' ? 'a string' : typeof value;

const isRecord = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

/** The same pattern as `SAFE_ID` in `quizkit/schema` (kept here so the core does not load zod). */
export const ID_PATTERN = /^(?!(?:__proto__|constructor|prototype)$)[A-Za-z_][A-Za-z0-9_-]*$/;

export const text =
  (max: number, min = 0): Check<string> =>
  (value, path, issues) => {
    if (typeof value !== 'string') return issues.add(path, `Expected a string, found ${describe(value)}`);
    if (value.length < min || value.length > max) return issues.add(path, `Expected ${min}–${max} characters, found ${value.length}`);
    return value;
  };

export const id: Check<string> = (value, path, issues) => {
  if (typeof value !== 'string') return issues.add(path, `Expected an id, found ${describe(value)}`);
  if (value.length > LIMITS.idLength || !ID_PATTERN.test(value)) return issues.add(path, 'Expected an id: letters, digits, "_" and "-"');
  return value;
};

export const integer =
  (min: number, max = Number.MAX_SAFE_INTEGER): Check<number> =>
  (value, path, issues) => {
    if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < min || value > max) {
      return issues.add(path, `Expected an integer from ${min} to ${max}, found ${typeof value === 'number' ? value : describe(value)}`);
    }
    return value + 0;
  };

export const oneOf =
  <const T extends string>(values: readonly T[]): Check<T> =>
  (value, path, issues) =>
    typeof value === 'string' && (values as readonly string[]).includes(value)
      ? (value as T)
      : issues.add(path, `Expected one of ${values.join(', ')}`);

export const list =
  <T>(item: Check<T>, max: number): Check<T[]> =>
  (value, path, issues) => {
    if (!Array.isArray(value)) return issues.add(path, `Expected a list, found ${describe(value)}`);
    if (value.length > max) return issues.add(path, `Expected at most ${max} entries, found ${value.length}`);
    const out: T[] = [];
    let bad = false;
    value.forEach((entry, index) => {
      const checked = item(entry, [...path, index], issues);
      if (checked === BAD) bad = true;
      else out.push(checked);
    });
    return bad ? BAD : out;
  };

/** A record keyed by ids, rebuilt with `Object.fromEntries` (own properties only). */
export const record =
  <T>(entry: Check<T>, max: number): Check<Record<string, T>> =>
  (value, path, issues) => {
    if (!isRecord(value)) return issues.add(path, `Expected an object, found ${describe(value)}`);
    const keys = Object.keys(value);
    if (keys.length > max) return issues.add(path, `Expected at most ${max} entries, found ${keys.length}`);
    const out: [string, T][] = [];
    let bad = false;
    for (const key of keys) {
      if (id(key, [...path, key], issues) === BAD) {
        bad = true;
        continue;
      }
      const checked = entry(value[key], [...path, key], issues);
      if (checked === BAD) bad = true;
      else out.push([key, checked]);
    }
    return bad ? BAD : Object.fromEntries(out);
  };

/** Marks a field of {@link object} as optional: it may be absent, but not `undefined` or of another type. */
export interface Optional<T> {
  readonly optional: Check<T>;
}
export const optional = <T>(check: Check<T>): Optional<T> => ({ optional: check });

/**
 * A strict object: unknown keys are refused; the result has only the known
 * keys, in the input's key order (so a re-serialised document is byte-identical).
 */
export const object =
  (shape: Readonly<Record<string, Check<unknown> | Optional<unknown>>>): Check<Record<string, unknown>> =>
  (value, path, issues) => {
    if (!isRecord(value)) return issues.add(path, `Expected an object, found ${describe(value)}`);
    let bad = false;
    const out: [string, unknown][] = [];
    for (const key of Object.keys(value)) {
      const rule = Object.hasOwn(shape, key) ? shape[key] : undefined;
      if (!rule) {
        issues.add([...path, key], `Unknown field "${key.slice(0, 40)}"`);
        bad = true;
        continue;
      }
      const checked = (typeof rule === 'function' ? rule : rule.optional)(value[key], [...path, key], issues);
      if (checked === BAD) bad = true;
      else out.push([key, checked]);
    }
    for (const [key, rule] of Object.entries(shape)) {
      if (typeof rule === 'function' && !Object.hasOwn(value, key)) {
        issues.add([...path, key], `Missing field "${key}"`);
        bad = true;
      }
    }
    return bad ? BAD : Object.fromEntries(out);
  };

/** The first check whose type guard matches decides. */
export const either =
  (...alternatives: readonly [(value: unknown) => boolean, Check<unknown>][]): Check<unknown> =>
  (value, path, issues) => {
    for (const [matches, check] of alternatives) if (matches(value)) return check(value, path, issues);
    return issues.add(path, `Unexpected ${describe(value)}`);
  };
