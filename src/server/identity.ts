/**
 * Learner tokens: the default identity of the exam handler. A token is
 * `<learnerId>.<signature>`, the signature an HMAC-SHA-256 of the learner id
 * under the server's secret (Web Crypto, so it runs on every runtime). The
 * server issues the id; a client cannot choose one, and cannot forge a
 * token for another learner without the secret.
 */
import { HttpError } from './errors.js';

const encoder = new TextEncoder();
const LEARNER_ID = /^l_[A-Za-z0-9_-]{22}$/;
const TOKEN = /^(l_[A-Za-z0-9_-]{22})\.([A-Za-z0-9_-]{43})$/;

/** The shortest secret accepted, in bytes (the HMAC-SHA-256 block of security). */
export const MIN_SECRET_BYTES = 32;

/** Unpadded base64url of bytes. */
export function base64url(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64url(text: string): Uint8Array<ArrayBuffer> {
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** `count` random bytes as base64url: attempt ids, seeds, learner ids. */
export function randomId(count: number): string {
  return base64url(crypto.getRandomValues(new Uint8Array(count)));
}

/** Issues and checks learner tokens under one secret. */
export interface LearnerTokens {
  /** A new learner and their token. */
  issue(): Promise<{ readonly learnerId: string; readonly token: string }>;
  /** The learner a token names, or `undefined` when it is malformed or its signature is wrong. */
  verify(token: string): Promise<string | undefined>;
}

/** Learner tokens signed with `secret` (at least {@link MIN_SECRET_BYTES} bytes). */
export function learnerTokens(secret: string | Uint8Array): LearnerTokens {
  const raw = typeof secret === 'string' ? encoder.encode(secret) : new Uint8Array(secret);
  if (raw.byteLength < MIN_SECRET_BYTES) throw new RangeError(`The learner-token secret must be at least ${MIN_SECRET_BYTES} bytes; it has ${raw.byteLength}`);
  const key = crypto.subtle.importKey('raw', raw, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign', 'verify']);
  const data = (learnerId: string) => encoder.encode(`quizkit-learner:${learnerId}`);
  return {
    async issue() {
      const learnerId = `l_${randomId(16)}`;
      const signature = new Uint8Array(await crypto.subtle.sign('HMAC', await key, data(learnerId)));
      return { learnerId, token: `${learnerId}.${base64url(signature)}` };
    },
    async verify(token) {
      const match = TOKEN.exec(token);
      if (!match || !LEARNER_ID.test(match[1]!)) return undefined;
      // `verify` compares in constant time.
      const valid = await crypto.subtle.verify('HMAC', await key, fromBase64url(match[2]!), data(match[1]!));
      return valid ? match[1] : undefined;
    },
  };
}

/** The learner of a request under the default identity: its `Authorization: Bearer` token, verified; else 401. */
export async function bearerLearner(request: Request, tokens: LearnerTokens): Promise<string> {
  const header = request.headers.get('authorization');
  const match = header === null ? null : /^Bearer ([^\s]{1,200})$/i.exec(header.trim());
  const learnerId = match ? await tokens.verify(match[1]!) : undefined;
  if (learnerId === undefined) {
    throw new HttpError(401, 'unauthorized', 'Send a learner token as "Authorization: Bearer <token>" (POST /v1/learners issues one)', [], {
      'www-authenticate': 'Bearer',
    });
  }
  return learnerId;
}
