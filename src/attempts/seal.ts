import { AttemptError } from './errors.js';

// Sealing: an HMAC-SHA-256 over the saved text, through Web Crypto, so the same
// code runs in browsers, Node 20+, Deno, Bun and edge runtimes. The seal is a
// last field appended to the saved JSON, so a sealed attempt is still JSON
// (readable by tools) and the authenticated bytes are exactly the unsealed text.

/**
 * A key that seals saved attempts: raw bytes (at least 32, e.g. from
 * `crypto.getRandomValues(new Uint8Array(32))`, kept secret on the server), or
 * a Web Crypto `CryptoKey` for HMAC with SHA-256 of at least 256 bits, with
 * the usages `sign` (to seal) and `verify` (to open).
 *
 * @example
 * ```ts
 * import type { AttemptKey } from 'quizkit/attempts';
 * const key: AttemptKey = crypto.getRandomValues(new Uint8Array(32));
 * key.length; //=> 32
 * ```
 */
export type AttemptKey =
  | Uint8Array
  | {
      /** `'secret'` for an HMAC key. */
      readonly type: string;
      /** The algorithm: `{ name: 'HMAC', hash: { name: 'SHA-256' }, length }`. */
      readonly algorithm: { readonly name: string };
      /** What the key may do: `sign` to seal, `verify` to open. */
      readonly usages: readonly string[];
    };

/** The shortest raw key accepted, in bytes: as long as the SHA-256 output (RFC 2104 §3). */
export const MIN_KEY_BYTES = 32;

/** Prefixed to the text before it is MACed, so a key shared with other uses (signed tokens) cannot be made to seal an attempt. */
const DOMAIN = 'quizkit/attempt-seal\n';

/** The field the seal is written in: always the last one. */
export const SEAL_FIELD = 'seal';

/**
 * HMAC-SHA-256 is 32 bytes: 43 base64url characters without padding. The
 * last character carries 4 bits and 2 unused ones, which must be zero: else
 * four spellings would decode to the same MAC, and a changed seal would pass.
 */
const SEAL_SUFFIX = /,"seal":"([A-Za-z0-9_-]{42}[AEIMQUYcgkosw048])"\}$/;

/** The characters a seal adds to a saved attempt: `,"seal":"` + 43 + `"`. */
export const SEAL_LENGTH = ',"seal":""'.length + 43;

function subtle(): SubtleCrypto {
  const subtle = globalThis.crypto?.subtle;
  if (!subtle) {
    throw new TypeError('Sealed attempts need Web Crypto (globalThis.crypto.subtle): Node 20+, a browser in a secure context (https), Deno or Bun');
  }
  return subtle;
}
type SubtleCrypto = NonNullable<typeof globalThis.crypto>['subtle'];
type CryptoKeyType = Parameters<SubtleCrypto['sign']>[1];

async function importKey(key: AttemptKey, usage: 'sign' | 'verify'): Promise<CryptoKeyType> {
  if (key instanceof Uint8Array) {
    if (key.length < MIN_KEY_BYTES) {
      throw new RangeError(`An attempt key needs at least ${MIN_KEY_BYTES} random bytes; found ${key.length}`);
    }
    return subtle().importKey('raw', new Uint8Array(key), { name: 'HMAC', hash: 'SHA-256' }, false, [usage]);
  }
  const algorithm = (key as { algorithm?: { name?: unknown; hash?: { name?: unknown }; length?: unknown } } | null)?.algorithm;
  if (!algorithm || algorithm.name !== 'HMAC' || algorithm.hash?.name !== 'SHA-256') {
    throw new TypeError('An attempt key is raw bytes (a Uint8Array) or a CryptoKey for HMAC with SHA-256');
  }
  if (typeof algorithm.length === 'number' && algorithm.length < MIN_KEY_BYTES * 8) {
    throw new RangeError(`An attempt key needs at least ${MIN_KEY_BYTES * 8} bits; found ${algorithm.length}`);
  }
  if (!key.usages.includes(usage)) throw new TypeError(`This CryptoKey cannot ${usage}; create it with the usages ['sign', 'verify']`);
  return key as unknown as CryptoKeyType;
}

const utf8 = (text: string) => new TextEncoder().encode(DOMAIN + text);

function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array<ArrayBuffer> {
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  return Uint8Array.from(binary, (char) => char.charCodeAt(0));
}

/** Seals saved-attempt JSON text (an object): the same text with a last field `"seal"`, the HMAC of the text. */
export async function seal(text: string, key: AttemptKey): Promise<string> {
  const cryptoKey = await importKey(key, 'sign');
  const mac = new Uint8Array(await subtle().sign('HMAC', cryptoKey, utf8(text)));
  return `${text.slice(0, -1)},"${SEAL_FIELD}":"${toBase64Url(mac)}"}`;
}

const tampered = (message: string) => new AttemptError('tampered', message, [{ code: 'tampered', path: [SEAL_FIELD], message }]);

/** A lone surrogate: UTF-8 encodes every one as U+FFFD, so two texts that differ only there would share a MAC. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * Checks the seal of a sealed text and returns the text it authenticates
 * (the saved JSON without the seal). Refused with `tampered` when the text is
 * not sealed, was changed, or was sealed with another key; the MAC is
 * compared by Web Crypto's `verify`, in constant time.
 */
export async function unseal(text: string, key: AttemptKey): Promise<string> {
  const cryptoKey = await importKey(key, 'verify');
  const match = SEAL_SUFFIX.exec(text);
  if (!match) throw tampered('This saved attempt is not sealed: its last field must be the seal written by serializeAttempt with a key');
  if (LONE_SURROGATE.test(text)) throw tampered('This saved attempt holds text that is not well-formed UTF-16; serializeAttempt never writes that');
  const inner = `${text.slice(0, match.index)}}`;
  const mac = fromBase64Url(match[1]!);
  if (!(await subtle().verify('HMAC', cryptoKey, mac, utf8(inner)))) {
    throw tampered('The seal does not match: this saved attempt was changed, or sealed with another key');
  }
  return inner;
}
