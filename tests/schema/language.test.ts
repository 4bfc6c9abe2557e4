import { describe, expect, it } from 'vitest';
import { safeParseQuiz } from 'quizkit/schema';

const quiz = (extra: Record<string, unknown>) => ({
  id: 'q',
  title: 'Q',
  ...extra,
  questions: [{ id: 's', type: 'single-choice', prompt: 'P?', explanation: 'E.', source: { section: 's1', quote: 'x' }, options: [{ id: 'a', text: 'A', correct: true }, { id: 'b', text: 'B' }] }],
});

describe('language and direction (issue #14)', () => {
  it.each(['en', 'fr-CA', 'ar', 'zh-Hant-TW', 'he'])('accepts the BCP 47 tag %s', (language) => {
    const parsed = safeParseQuiz(quiz({ language, direction: 'rtl' }));
    expect(parsed.success).toBe(true);
    if (parsed.success) expect([parsed.data.language, parsed.data.direction]).toEqual([language, 'rtl']);
  });

  it.each(['en US', 'en_US', '', 'a-very-long-and-wrong-tag-indeed-yes'])('refuses %j with an issue at `language`', (language) => {
    const parsed = safeParseQuiz(quiz({ language }));
    expect(parsed.success).toBe(false);
    if (!parsed.success) expect(parsed.issues.map((issue) => issue.path.join('.'))).toContain('language');
  });

  it('refuses a direction other than ltr, rtl and auto', () => {
    const parsed = safeParseQuiz(quiz({ direction: 'right-to-left' }));
    expect(parsed.success).toBe(false);
  });
});
