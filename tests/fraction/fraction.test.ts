import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ONE,
  ZERO,
  add,
  clamp,
  compare,
  divide,
  equals,
  fraction,
  fractionToNumber,
  formatFraction,
  isZero,
  multiply,
  parseFraction,
  subtract,
  sum,
  type Fraction,
} from '../../src/fraction/fraction.js';

const TWO_40 = 2 ** 40;

/** Exact reference arithmetic on BigInt pairs, independent of the module under test. */
function bigGcd(a: bigint, b: bigint): bigint {
  if (a < 0n) a = -a;
  if (b < 0n) b = -b;
  while (b) [a, b] = [b, a % b];
  return a;
}
function bigReduce(n: bigint, d: bigint): { n: bigint; d: bigint } {
  const g = bigGcd(n, d) || 1n;
  return d < 0n ? { n: -n / g, d: -d / g } : { n: n / g, d: d / g };
}
const asBig = (x: Fraction) => ({ n: BigInt(x.n), d: BigInt(x.d) });

/** Reduced, positive denominator, safe integers, no -0. */
function expectCanonical(x: Fraction): void {
  expect(Number.isSafeInteger(x.n) && Number.isSafeInteger(x.d)).toBe(true);
  expect(x.d).toBeGreaterThan(0);
  expect(bigGcd(BigInt(x.n), BigInt(x.d))).toBe(x.n === 0 ? BigInt(x.d) : 1n);
  if (x.n === 0) expect(x.d).toBe(1);
  expect(Object.is(x.n, -0)).toBe(false);
}

// Small enough that three-way sums and products stay exact; the overflow tests below go further.
const small = fc
  .record({ n: fc.integer({ min: -10_000, max: 10_000 }), d: fc.integer({ min: 1, max: 1_000 }) })
  .map(({ n, d }) => fraction(n, d));
const nonZero = small.filter((x) => x.n !== 0);

describe('fraction', () => {
  it('reduces and keeps the sign in the numerator', () => {
    expect(fraction(6, 8)).toEqual({ n: 3, d: 4 });
    expect(fraction(1, -2)).toEqual({ n: -1, d: 2 });
    expect(fraction(-3, -9)).toEqual({ n: 1, d: 3 });
    expect(fraction(7)).toEqual({ n: 7, d: 1 });
  });

  it('writes zero as 0/1, never -0, so equal values are deep-equal', () => {
    const zero = fraction(0, -5);
    expect(zero).toEqual({ n: 0, d: 1 });
    expect(Object.is(zero.n, -0)).toBe(false);
    expect(fraction(-0, 3)).toStrictEqual(ZERO);
  });

  it('throws RangeError for a zero denominator', () => {
    expect(() => fraction(1, 0)).toThrow(RangeError);
    expect(() => fraction(1n, 0n)).toThrow(RangeError);
  });

  it('accepts BigInt parts and reduces them back into safe integers', () => {
    // 10^20 / 10^19 = 10: neither part is a safe integer, the reduced result is.
    expect(fraction(10n ** 20n, 10n ** 19n)).toEqual({ n: 10, d: 1 });
    expect(fraction(-(2n ** 80n), 2n ** 78n)).toEqual({ n: -4, d: 1 });
  });

  it('throws RangeError only when the reduced result cannot be held exactly', () => {
    expect(() => fraction(2n ** 60n, 3n)).toThrow(RangeError);
    expect(() => fraction(1n, 2n ** 60n)).toThrow(RangeError);
  });
});

describe('add, subtract, multiply, divide', () => {
  it('computes by hand-checked examples', () => {
    expect(add({ n: 1, d: 2 }, { n: 1, d: 3 })).toEqual({ n: 5, d: 6 }); // 3/6 + 2/6
    expect(add({ n: 1, d: 4 }, { n: 1, d: 4 })).toEqual({ n: 1, d: 2 }); // same denominator, then reduced
    expect(subtract({ n: 1, d: 2 }, { n: 1, d: 3 })).toEqual({ n: 1, d: 6 });
    expect(subtract({ n: 1, d: 3 }, { n: 1, d: 3 })).toStrictEqual(ZERO);
    expect(multiply({ n: 2, d: 3 }, { n: 3, d: 4 })).toEqual({ n: 1, d: 2 }); // 6/12
    expect(multiply({ n: -2, d: 3 }, { n: 3, d: 2 })).toEqual({ n: -1, d: 1 });
    expect(divide({ n: 1, d: 2 }, { n: 1, d: 4 })).toEqual({ n: 2, d: 1 });
    // Dividing by a negative moves the sign to the numerator: (1/2) / (-1/3) = -3/2.
    expect(divide({ n: 1, d: 2 }, { n: -1, d: 3 })).toEqual({ n: -3, d: 2 });
  });

  it('makes three thirds exactly one (no 0.9999999 as in Moodle)', () => {
    const third = fraction(1, 3);
    expect(add(add(third, third), third)).toStrictEqual({ n: 1, d: 1 });
    expect(sum([third, third, third])).toStrictEqual(ONE);
    // For contrast, the 7-decimal credits Moodle stores do not: exactly 0.9999999, and as doubles
    // a little less still (0.9999998999999999).
    const moodleThird = parseFraction(0.3333333)!;
    expect(sum([moodleThird, moodleThird, moodleThird])).toEqual({ n: 9_999_999, d: 10_000_000 });
    expect(0.3333333 + 0.3333333 + 0.3333333).toBeLessThan(0.9999999);
  });

  it('throws RangeError on division by zero', () => {
    expect(() => divide(ONE, ZERO)).toThrow(RangeError);
  });

  it('falls back to BigInt when cross products overflow, and still returns the exact reduced sum', () => {
    // 1/(3·2^40) + 1/(5·2^40): the cross product of denominators is 15·2^80, far past 2^53,
    // but the reduced sum (5 + 3)·2^40 / (15·2^80) = 8 / (15·2^40) = 1 / (15·2^37) fits.
    // The difference is (5 - 3)·2^40 / (15·2^80) = 1 / (15·2^39).
    const a = { n: 1, d: 3 * TWO_40 };
    const b = { n: 1, d: 5 * TWO_40 };
    expect(Number.isSafeInteger(a.d * b.d)).toBe(false);
    expect(add(a, b)).toEqual({ n: 1, d: 15 * 2 ** 37 });
    expect(subtract(a, b)).toEqual({ n: 1, d: 15 * 2 ** 39 });
  });

  it('falls back to BigInt in multiply and divide', () => {
    // (2^40 / 3^20) × (3^20 / 2^40) = 1, through numerators of about 3.8·10^21.
    const x = { n: TWO_40, d: 3 ** 20 };
    const inverse = { n: 3 ** 20, d: TWO_40 };
    expect(multiply(x, inverse)).toStrictEqual(ONE);
    expect(divide(x, x)).toStrictEqual(ONE);
    expect(divide(x, { n: TWO_40, d: 1 })).toEqual({ n: 1, d: 3 ** 20 });
  });

  it('throws RangeError when the exact result needs more than 53 bits', () => {
    // 1/(2^40 + 1) + 1/(2^40 - 1) = 2^41 / (2^80 - 1): already reduced, not representable.
    expect(() => add({ n: 1, d: TWO_40 + 1 }, { n: 1, d: TWO_40 - 1 })).toThrow(RangeError);
  });
});

describe('compare, clamp, equals, isZero', () => {
  it('orders by exact value', () => {
    expect(compare({ n: 1, d: 3 }, { n: 1, d: 2 })).toBeLessThan(0);
    expect(compare({ n: 1, d: 2 }, { n: 1, d: 3 })).toBeGreaterThan(0);
    expect(compare({ n: 2, d: 4 }, { n: 1, d: 2 })).toBe(0);
    expect(compare({ n: -1, d: 3 }, ZERO)).toBeLessThan(0);
  });

  it('decides exactly where floats would call two values equal', () => {
    // (2^40 + 1)/2^40 vs 2^40/(2^40 - 1): cross products 2^80 - 1 and 2^80, equal as doubles.
    const a = { n: TWO_40 + 1, d: TWO_40 };
    const b = { n: TWO_40, d: TWO_40 - 1 };
    expect((TWO_40 + 1) * (TWO_40 - 1)).toBe(TWO_40 * TWO_40);
    expect(compare(a, b)).toBeLessThan(0);
    expect(compare(b, a)).toBeGreaterThan(0);
    expect(compare(a, a)).toBe(0);
  });

  it('clamps into a range', () => {
    expect(clamp({ n: 3, d: 2 }, ZERO, ONE)).toStrictEqual(ONE);
    expect(clamp({ n: -1, d: 3 }, ZERO, ONE)).toStrictEqual(ZERO);
    expect(clamp({ n: 2, d: 3 }, ZERO, ONE)).toEqual({ n: 2, d: 3 });
  });

  it('tells equality and zero', () => {
    expect(equals(fraction(2, 4), fraction(1, 2))).toBe(true);
    expect(equals(fraction(1, 3), fraction(1, 2))).toBe(false);
    expect(isZero(fraction(0, 7))).toBe(true);
    expect(isZero(fraction(1, 7))).toBe(false);
  });
});

describe('sum', () => {
  it('is 0 for no values', () => {
    expect(sum([])).toStrictEqual(ZERO);
  });

  it('adds any iterable exactly', () => {
    // 1/2 + 1/3 + 1/6 = 3/6 + 2/6 + 1/6 = 1
    expect(sum(new Set([fraction(1, 2), fraction(1, 3), fraction(1, 6)]))).toStrictEqual(ONE);
    // Ten tenths: 1 exactly, where 0.1 added ten times as doubles is 0.9999999999999999.
    expect(sum(Array.from({ length: 10 }, () => fraction(1, 10)))).toStrictEqual(ONE);
  });
});

describe('fractionToNumber', () => {
  it('gives the nearest double', () => {
    expect(fractionToNumber({ n: 1, d: 4 })).toBe(0.25);
    expect(fractionToNumber({ n: 1, d: 3 })).toBe(1 / 3);
    expect(fractionToNumber({ n: -7, d: 2 })).toBe(-3.5);
  });
});

describe('formatFraction', () => {
  it('rounds half away from zero on the exact value', () => {
    expect(formatFraction({ n: 1, d: 8 })).toBe('0.13'); // 0.125 → 0.13
    expect(formatFraction({ n: -1, d: 8 })).toBe('-0.13'); // -0.125 → -0.13
    expect(formatFraction({ n: 2, d: 3 })).toBe('0.67');
    expect(formatFraction({ n: -2, d: 3 })).toBe('-0.67');
    expect(formatFraction({ n: 1, d: 2 }, 0)).toBe('1');
    expect(formatFraction({ n: -1, d: 2 }, 0)).toBe('-1');
    expect(formatFraction({ n: 5, d: 2 }, 0)).toBe('3'); // not banker's rounding (which gives 2)
  });

  it('rounds where floats go wrong: 1.005 is 201/200, exactly half way', () => {
    // The double nearest 1.005 is slightly below it, so Math.round and toFixed both round down.
    expect((1.005).toFixed(2)).toBe('1.00');
    expect(Math.round(1.005 * 100) / 100).toBe(1);
    expect(formatFraction({ n: 201, d: 200 })).toBe('1.01');
  });

  it('writes integers without a dot and drops trailing zeros', () => {
    expect(formatFraction({ n: 5, d: 1 })).toBe('5');
    expect(formatFraction({ n: 100, d: 1 }, 4)).toBe('100');
    expect(formatFraction({ n: 1, d: 2 })).toBe('0.5');
    expect(formatFraction({ n: 1, d: 4 })).toBe('0.25');
    expect(formatFraction({ n: 1, d: 8 }, 3)).toBe('0.125');
    expect(formatFraction({ n: 1999, d: 2000 })).toBe('1'); // 0.9995 → 1.00 → '1'
    expect(formatFraction({ n: 123_456_789, d: 1 })).toBe('123456789');
  });

  it('never writes -0', () => {
    expect(formatFraction({ n: -1, d: 1000 })).toBe('0');
    expect(formatFraction({ n: -1, d: 3 }, 0)).toBe('0');
    expect(formatFraction(ZERO)).toBe('0');
  });

  it('throws RangeError for decimals outside 0–12', () => {
    expect(() => formatFraction(ONE, -1)).toThrow(RangeError);
    expect(() => formatFraction(ONE, 13)).toThrow(RangeError);
    expect(() => formatFraction(ONE, 1.5)).toThrow(RangeError);
    expect(formatFraction({ n: 1, d: 3 }, 12)).toBe('0.333333333333');
  });
});

describe('parseFraction', () => {
  it('reads a JS number by its shortest decimal form, not its binary value', () => {
    expect(parseFraction(0.1)).toEqual({ n: 1, d: 10 });
    expect(parseFraction(0.25)).toEqual({ n: 1, d: 4 });
    expect(parseFraction(2.5)).toEqual({ n: 5, d: 2 });
    expect(parseFraction(-0.75)).toEqual({ n: -3, d: 4 });
    expect(parseFraction(3)).toEqual({ n: 3, d: 1 });
    expect(parseFraction(-0)).toStrictEqual(ZERO);
  });

  it('reads decimal and ratio strings', () => {
    expect(parseFraction('1/3')).toEqual({ n: 1, d: 3 });
    expect(parseFraction(' 1 / 3 ')).toEqual({ n: 1, d: 3 });
    expect(parseFraction('-1/3')).toEqual({ n: -1, d: 3 });
    expect(parseFraction('6/8')).toEqual({ n: 3, d: 4 });
    expect(parseFraction('0.5')).toEqual({ n: 1, d: 2 });
    expect(parseFraction('-0.25')).toEqual({ n: -1, d: 4 });
    expect(parseFraction('0.3333333')).toEqual({ n: 3_333_333, d: 10_000_000 });
    expect(parseFraction('0.123456789')).toEqual({ n: 123_456_789, d: 1_000_000_000 });
  });

  it('rejects NaN, Infinity, zero denominators, exponents and other text', () => {
    for (const value of [NaN, Infinity, -Infinity, 1e21, 1e-7]) expect(parseFraction(value)).toBeUndefined();
    for (const value of ['1/0', '0/0', '1e3', '1E-2', 'abc', '', ' ', '1/-3', '.5', '1.', '0x10', '1/3/4', '½', 'NaN', 'Infinity']) {
      expect(parseFraction(value), value).toBeUndefined();
    }
  });

  it('rejects more than 9 decimals or more than 9 whole digits', () => {
    expect(parseFraction('0.1234567891')).toBeUndefined();
    expect(parseFraction('1234567890')).toBeUndefined();
    expect(parseFraction('123456789')).toEqual({ n: 123_456_789, d: 1 });
  });

  it('rejects ratios whose parts are not safe integers', () => {
    expect(parseFraction('1/99999999999999999999')).toBeUndefined();
    expect(parseFraction('99999999999999999999/3')).toBeUndefined();
  });

  // 9 whole digits plus 9 decimals make an 18-digit numerator, past 2^53.
  it('reads every accepted decimal exactly or rejects it', () => {
    // 999999999999999999 / 10^9 is already reduced and its numerator is not a safe integer,
    // so the only exact answer is to reject it.
    expect(parseFraction('999999999.999999999')).toBeUndefined();
  });
});

describe('properties', () => {
  it('returns canonical fractions from every operation', () => {
    fc.assert(
      fc.property(small, small, nonZero, (a, b, c) => {
        for (const x of [add(a, b), subtract(a, b), multiply(a, b), divide(a, c), sum([a, b, c])]) expectCanonical(x);
      }),
    );
  });

  it('adds commutatively and associatively, with 0 as identity', () => {
    fc.assert(
      fc.property(small, small, small, (a, b, c) => {
        expect(add(a, b)).toStrictEqual(add(b, a));
        expect(add(add(a, b), c)).toStrictEqual(add(a, add(b, c)));
        expect(add(a, ZERO)).toStrictEqual(a);
        expect(subtract(add(a, b), b)).toStrictEqual(a);
      }),
    );
  });

  it('multiplies commutatively, distributes over add, and divide undoes multiply', () => {
    fc.assert(
      fc.property(small, small, nonZero, (a, b, c) => {
        expect(multiply(a, b)).toStrictEqual(multiply(b, a));
        expect(multiply(c, add(a, b))).toStrictEqual(add(multiply(c, a), multiply(c, b)));
        expect(divide(multiply(a, c), c)).toStrictEqual(a);
        expect(multiply(a, ONE)).toStrictEqual(a);
      }),
    );
  });

  it('compares like exact BigInt cross-multiplication, even past 2^53', () => {
    const wide = fc
      .record({ n: fc.integer({ min: -(2 ** 52), max: 2 ** 52 }), d: fc.integer({ min: 1, max: 2 ** 52 }) })
      .map(({ n, d }) => fraction(n, d));
    fc.assert(
      fc.property(wide, wide, (a, b) => {
        const diff = asBig(a).n * asBig(b).d - asBig(b).n * asBig(a).d;
        expect(Math.sign(compare(a, b))).toBe(diff < 0n ? -1 : diff > 0n ? 1 : 0);
        expect(Math.sign(compare(b, a))).toBe(-Math.sign(compare(a, b)) || 0);
      }),
    );
  });

  it('three thirds (and n n-ths) sum to exactly {n: 1, d: 1}', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 500 }), (n) => {
        expect(sum(Array.from({ length: n }, () => fraction(1, n)))).toStrictEqual({ n: 1, d: 1 });
      }),
    );
  });

  it('sums random fractions to the exact BigInt-computed sum', () => {
    // Denominators up to 30 keep every partial sum within 2^53 (lcm(1…30) ≈ 2.3·10^12, |sum| ≤ 2000).
    const term = fc
      .record({ n: fc.integer({ min: -100, max: 100 }), d: fc.integer({ min: 1, max: 30 }) })
      .map(({ n, d }) => fraction(n, d));
    fc.assert(
      fc.property(fc.array(term, { maxLength: 20 }), (terms) => {
        let n = 0n;
        let d = 1n;
        for (const t of terms.map(asBig)) [n, d] = [n * t.d + t.n * d, d * t.d];
        const expected = bigReduce(n, d);
        const actual = sum(terms);
        expect({ n: BigInt(actual.n), d: BigInt(actual.d) }).toEqual(expected);
        expectCanonical(actual);
      }),
    );
  });

  it('formats within half a unit of the last digit, symmetrically about zero', () => {
    fc.assert(
      fc.property(small, fc.integer({ min: 0, max: 6 }), (x, decimals) => {
        const text = formatFraction(x, decimals);
        const back = parseFraction(text);
        expect(back).toBeDefined();
        // |back - x| ≤ 1 / (2·10^decimals), compared exactly.
        const error = subtract(back!, x);
        const bound = fraction(1, 2 * 10 ** decimals);
        expect(compare({ n: Math.abs(error.n), d: error.d }, bound)).toBeLessThanOrEqual(0);
        const negated = formatFraction({ n: -x.n, d: x.d }, decimals);
        expect(negated).toBe(text === '0' ? '0' : text.startsWith('-') ? text.slice(1) : `-${text}`);
      }),
    );
  });

  it('rounds exact halves away from zero', () => {
    // m + 1/2 at 0 decimals is m + 1 for m ≥ 0 and its mirror for negatives.
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_000_000 }), (m) => {
        expect(formatFraction(fraction(2 * m + 1, 2), 0)).toBe(String(m + 1));
        expect(formatFraction(fraction(-(2 * m + 1), 2), 0)).toBe(String(-(m + 1)));
      }),
    );
  });

  it('reads m / 10^k written as a JS number back as exactly m / 10^k', () => {
    fc.assert(
      fc.property(fc.integer({ min: -999_999_999, max: 999_999_999 }), fc.integer({ min: 0, max: 6 }), (m, k) => {
        expect(parseFraction(m / 10 ** k)).toStrictEqual(fraction(m, 10 ** k));
      }),
    );
  });
});
