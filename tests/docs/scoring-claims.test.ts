// Issue #18.5: docs/scoring.md's sentence on three credits of 0.3333333 is what the schema does.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { safeParseQuiz } from '../../src/schema/index.js';

const scoring = readFileSync(join(import.meta.dirname, '../../docs/scoring.md'), 'utf8');

describe('issue #18.5: docs/scoring.md agrees with the schema', () => {
  it('three credits of 0.3333333 under weighted-credit are refused with the message the docs quote', () => {
    const quoted = /refused with `credit_out_of_range` \("([^"]+)"\)/.exec(scoring.replace(/\s+/g, ' '))?.[1];
    const result = safeParseQuiz({
      id: 'q', title: 'Q',
      questions: [{
        id: 'm', type: 'multiple-choice', prompt: 'p', explanation: 'e', source: { section: 's', quote: 'q' }, rule: { name: 'weighted-credit' },
        options: [...'abc'].map((id) => ({ id, text: id, correct: true, credit: 0.3333333 })).concat([{ id: 'd', text: 'd' } as never]),
      }],
    });
    expect(result.success).toBe(false);
    expect(result.success ? [] : result.issues.map((issue) => [issue.code, issue.message])).toEqual([['credit_out_of_range', quoted]]);
  });

  it('cites no file a reader of the package does not have', () => {
    for (const guide of ['scoring.md', 'delivery.md', 'interop.md']) {
      expect(readFileSync(join(import.meta.dirname, '../../docs', guide), 'utf8')).not.toMatch(/SCORING-ANCHORS/);
    }
  });
});
