import { describe, expect, it } from 'vitest';
import { ATTEMPT_ERROR_CODES, AttemptError } from 'quizkit/attempts';
import { SERVER_ERROR_CODES } from 'quizkit/server';
import { attemptErrorStatus, errorResponse } from '../../src/server/errors.js';

describe('error statuses', () => {
  it('maps every AttemptError code, and codes it does not know yet, to a 4xx', () => {
    for (const code of [...ATTEMPT_ERROR_CODES, 'inconsistent_attempt', 'clock_went_back', 'tampered', 'a_code_from_the_future']) {
      const status = attemptErrorStatus(code);
      expect([code, status >= 400 && status < 500]).toEqual([code, true]);
    }
    expect(attemptErrorStatus('invalid_response')).toBe(422);
    expect(attemptErrorStatus('already_submitted')).toBe(409);
    expect(attemptErrorStatus('a_code_from_the_future')).toBe(422);
  });

  it('turns an AttemptError into its JSON body, and anything else into a bare 500', () => {
    const refused = errorResponse(new AttemptError('time_expired', 'Too late'));
    expect(refused).toMatchObject({ status: 409, body: { error: { code: 'time_expired', message: 'Too late' } } });
    const crash = errorResponse(new TypeError('secret detail at /srv/app.js:12'));
    expect(crash.status).toBe(500);
    expect(JSON.stringify(crash.body)).not.toContain('secret');
  });

  it('keeps server codes apart from AttemptError codes', () => {
    const attempt = new Set<string>(ATTEMPT_ERROR_CODES);
    expect(SERVER_ERROR_CODES.filter((code) => attempt.has(code))).toEqual([]);
  });
});
