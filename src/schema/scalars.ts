import * as z from 'zod';
import { type Fraction, compare, parseFraction } from '../fraction/fraction.js';
import { type QuizIssueCode, issueParams } from './codes.js';
import { MAX_DENOMINATOR } from './exactness.js';

/** A trimmed, non-empty text of at most `max` characters. */
export const text = (max: number, description: string) =>
  z.string().trim().min(1, { message: 'Must not be empty' }).max(max).describe(description);

export const DECIMAL_OR_RATIO = /^\s*-?\d+(\.\d+)?(\s*\/\s*\d+)?\s*$/;

/**
 * A number written as a decimal (`0.5`) or an exact ratio string (`"1/3"`),
 * read exactly into a {@link Fraction} and checked against `[min, max]`.
 */
export function exactNumber(
  label: string,
  description: string,
  range: { min: Fraction; max: Fraction; minExclusive?: boolean; code: QuizIssueCode },
) {
  return z
    .union([z.number(), z.string().regex(DECIMAL_OR_RATIO, { message: `Write the ${label} as a decimal (0.25) or a ratio ("1/3")` })])
    .describe(description)
    .transform((value, ctx): Fraction => {
      const parsed = parseFraction(value);
      if (!parsed) {
        ctx.addIssue({
          code: 'custom',
          params: issueParams('invalid_number'),
          message: `Write the ${label} as a decimal with at most 9 decimals (0.25) or a ratio ("1/3")`,
        });
        return z.NEVER;
      }
      if (parsed.d > MAX_DENOMINATOR) {
        ctx.addIssue({
          code: 'custom',
          params: issueParams('invalid_number'),
          message: `The ${label} ${value} has a denominator above ${MAX_DENOMINATOR}; write it with a smaller one, as exact scores need`,
        });
        return z.NEVER;
      }
      const low = compare(parsed, range.min);
      if (low < 0 || (range.minExclusive && low === 0) || compare(parsed, range.max) > 0) {
        const bound = range.minExclusive ? 'greater than' : 'at least';
        ctx.addIssue({
          code: 'custom',
          params: issueParams(range.code),
          message: `The ${label} must be ${bound} ${range.min.n / range.min.d} and at most ${range.max.n / range.max.d} (found ${value})`,
        });
        return z.NEVER;
      }
      return parsed;
    });
}


/** Whether `tag` is a well-formed BCP 47 language tag (`en`, `fr-CA`, `ar`, `zh-Hant-TW`). */
const isLanguageTag = (tag: string): boolean => {
  try {
    return Intl.getCanonicalLocales(tag).length === 1;
  } catch {
    return false;
  }
};

/** The language of a module's or a quiz's text: a BCP 47 tag, set as `lang` on the rendered content. */
export const languageField = (what: string) =>
  z
    .string()
    .max(35)
    .refine(isLanguageTag, { message: 'Expected a BCP 47 language tag such as "en", "fr-CA" or "ar"' })
    .optional()
    .describe(`The language of the ${what}'s text, as a BCP 47 tag ("en", "fr-CA", "ar"); players set it as \`lang\`.`);

/** The writing direction of a module's or a quiz's text, set as `dir` on the rendered content. */
export const directionField = (what: string) =>
  z
    .enum(['ltr', 'rtl', 'auto'])
    .optional()
    .describe(`The writing direction of the ${what}'s text: "ltr", "rtl" or "auto" (default: the language's usual direction).`);
