import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseAttempt, safeParseAttempt, serializeAttempt, startAttempt, submitAttempt, answer } from 'quizkit/attempts';
import { T0, quiz } from './fixtures.js';
import { asyncCodeOf, attemptArb, codeOf } from './helpers.js';

const key = crypto.getRandomValues(new Uint8Array(32));
const otherKey = crypto.getRandomValues(new Uint8Array(32));
const done = submitAttempt(answer(startAttempt(quiz, { seed: 's', now: T0 }), quiz, 'q-single', 'cumulus', T0 + 1), quiz, T0 + 2);

/** Whether parsing a text with the key is refused with an AttemptError (never accepted, never another error). */
async function refused(text: string): Promise<boolean> {
  const parsed = await safeParseAttempt(text, { quiz, key });
  return !parsed.success;
}

describe('sealed saved attempts', () => {
  it('round-trip any attempt, and are the unsealed text plus a last "seal" field', async () => {
    await fc.assert(
      fc.asyncProperty(attemptArb(quiz), async (attempt) => {
        const sealed = await serializeAttempt(attempt, { key });
        expect(sealed).toMatch(/,"seal":"[A-Za-z0-9_-]{43}"\}$/);
        expect(sealed.slice(0, sealed.lastIndexOf(',"seal"'))).toBe(serializeAttempt(attempt).slice(0, -1));
        expect(await parseAttempt(sealed, { quiz, key })).toStrictEqual(attempt);
      }),
      { seed: 1234, numRuns: 60 },
    );
  });

  it('refuses any change of any character (property)', async () => {
    const sealed = await serializeAttempt(done, { key });
    await fc.assert(
      fc.asyncProperty(
        fc.nat({ max: sealed.length - 1 }),
        fc.constantFrom('replace', 'delete', 'insert'),
        fc.constantFrom('0', '1', '9', 'a', 'A', '"', ',', ' ', '-', '_', '}', 'e', '.'),
        async (index, how, char) => {
          const changed =
            how === 'delete'
              ? sealed.slice(0, index) + sealed.slice(index + 1)
              : how === 'insert'
                ? sealed.slice(0, index) + char + sealed.slice(index)
                : sealed.slice(0, index) + char + sealed.slice(index + 1);
          if (changed === sealed) return;
          expect(await refused(changed)).toBe(true);
        },
      ),
      { seed: 1234, numRuns: 400 },
    );
  });

  it('refuses any change of any field, the seal kept (property)', async () => {
    const sealed = await serializeAttempt(done, { key });
    const doc = JSON.parse(sealed);
    const fields: [string, fc.Arbitrary<unknown>][] = [
      ['startedAt', fc.integer({ min: 0, max: T0 + 1 })],
      ['submittedAt', fc.integer({ min: T0 + 1, max: T0 + 10 ** 9 })],
      ['graceSeconds', fc.nat()],
      ['attemptNumber', fc.integer({ min: 1, max: 99 })],
      ['seed', fc.string({ minLength: 1, maxLength: 10 })],
      ['status', fc.constant('in-progress')],
      ['answers', fc.constantFrom({}, { 'q-single': { response: 'nimbostratus', at: T0 + 1 } }, { 'q-single': { response: 'cumulus', at: T0 } })],
    ];
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...fields).chain(([field, value]) => fc.tuple(fc.constant(field), value)), async ([field, value]) => {
        if (JSON.stringify(doc[field]) === JSON.stringify(value)) return;
        const changed = JSON.stringify({ ...doc, [field]: value });
        expect(await asyncCodeOf(parseAttempt(changed, { quiz, key }))).toBe('tampered');
      }),
      { seed: 1234, numRuns: 200 },
    );
  });

  it('refuses another key, an unsealed text, and a seal made without quizkit’s domain prefix', async () => {
    const sealed = await serializeAttempt(done, { key });
    expect(await asyncCodeOf(parseAttempt(sealed, { quiz, key: otherKey }))).toBe('tampered');
    expect(await asyncCodeOf(parseAttempt(serializeAttempt(done), { quiz, key }))).toBe('tampered');
    const plain = serializeAttempt(done);
    const hmacKey = await crypto.subtle.importKey('raw', key, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
    const mac = new Uint8Array(await crypto.subtle.sign('HMAC', hmacKey, new TextEncoder().encode(plain)));
    const bare = `${plain.slice(0, -1)},"seal":"${btoa(String.fromCharCode(...mac)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')}"}`;
    expect(await asyncCodeOf(parseAttempt(bare, { quiz, key }))).toBe('tampered');
  });

  it('is refused without the key, with a message that says so', () => {
    return serializeAttempt(done, { key }).then((sealed) => {
      expect(codeOf(() => parseAttempt(sealed, { quiz }))).toBe('invalid_attempt');
      expect(() => parseAttempt(sealed, { quiz })).toThrow(/sealed/);
    });
  });

  it('refuses a text whose lone surrogate stands where the sealed text had U+FFFD (both are EF BF BD in UTF-8)', async () => {
    const attempt = startAttempt(quiz, { seed: 'a\uFFFDb', now: T0 });
    const sealed = await serializeAttempt(attempt, { key });
    expect(await parseAttempt(sealed, { quiz, key })).toStrictEqual(attempt);
    const swapped = sealed.replace('\uFFFD', '\uD800');
    expect(new TextEncoder().encode(swapped)).toEqual(new TextEncoder().encode(sealed));
    expect(await asyncCodeOf(parseAttempt(swapped, { quiz, key }))).toBe('tampered');
  });

  it('takes a CryptoKey for HMAC SHA-256 and refuses short or unfit keys', async () => {
    const cryptoKey = await crypto.subtle.importKey('raw', key, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign', 'verify']);
    const sealed = await serializeAttempt(done, { key: cryptoKey });
    expect(await parseAttempt(sealed, { quiz, key })).toStrictEqual(done);
    expect(await parseAttempt(await serializeAttempt(done, { key }), { quiz, key: cryptoKey })).toStrictEqual(done);

    await expect(serializeAttempt(done, { key: new Uint8Array(31) })).rejects.toThrow(RangeError);
    await expect(parseAttempt(sealed, { quiz, key: new Uint8Array(16) })).rejects.toThrow(RangeError);
    const short = await crypto.subtle.importKey('raw', new Uint8Array(16), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign', 'verify']);
    await expect(serializeAttempt(done, { key: short })).rejects.toThrow(RangeError);
    const sha1 = await crypto.subtle.importKey('raw', key, { name: 'HMAC', hash: 'SHA-1' }, false, ['sign', 'verify']);
    await expect(serializeAttempt(done, { key: sha1 })).rejects.toThrow(TypeError);
    const aes = await crypto.subtle.importKey('raw', key, { name: 'AES-GCM' }, false, ['encrypt']);
    await expect(serializeAttempt(done, { key: aes })).rejects.toThrow(TypeError);
    const signOnly = await crypto.subtle.importKey('raw', key, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
    await expect(parseAttempt(sealed, { quiz, key: signOnly })).rejects.toThrow(TypeError);
  });

  it('checks the size before the seal, and the seal before anything else', async () => {
    const sealed = await serializeAttempt(done, { key });
    expect(await asyncCodeOf(parseAttempt(sealed, { quiz, key, maxLength: 10 }))).toBe('too_large');
    // A sealed text of another quiz is still refused for what it is once the seal holds.
    expect(await asyncCodeOf(parseAttempt(sealed, { quiz: { ...quiz, title: 'Changed' }, key }))).toBe('quiz_changed');
    // Garbage is "not sealed", not a JSON error: nothing unauthenticated is parsed.
    expect(await asyncCodeOf(parseAttempt('{', { quiz, key }))).toBe('tampered');
  });

  it('safeParseAttempt with a key returns a Promise of the outcome', async () => {
    const sealed = await serializeAttempt(done, { key });
    const good = await safeParseAttempt(sealed, { quiz, key });
    expect(good.success && good.attempt).toStrictEqual(done);
    const bad = await safeParseAttempt(sealed, { quiz, key: otherKey });
    expect(!bad.success && bad.error.code).toBe('tampered');
  });
});

describe('a seal has one spelling', () => {
  it('refuses a seal whose last character differs only in the bits base64 leaves unused', async () => {
    const key = new Uint8Array(32).fill(7);
    const sealed = await serializeAttempt(startAttempt(quiz, { seed: 'spelling', now: T0 }), { key });
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    const last = sealed.at(-3)!;
    // The same 4 significant bits, other unused bits: it decodes to the same 32 bytes.
    const twin = alphabet[alphabet.indexOf(last) + 1]!;
    const changed = `${sealed.slice(0, -3)}${twin}${sealed.slice(-2)}`;
    await expect(parseAttempt(changed, { quiz, key })).rejects.toMatchObject({ code: 'tampered' });
    await expect(parseAttempt(sealed, { quiz, key })).resolves.toMatchObject({ seed: 'spelling' });
  });
});
