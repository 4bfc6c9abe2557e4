import { describe, expect, it } from 'vitest';

describe('quizkit/node', () => {
  it('exports exactly its public API', async () => {
    expect(Object.keys(await import('quizkit/node')).sort()).toEqual([
      'DRAFT_MARKER',
      'MODULE_FILE_LIMITS',
      'draftModule',
      'formatDraftReport',
      'formatIssue',
      'formatIssues',
      'loadModuleFile',
      'parseModuleSource',
      'safeLoadModuleFile',
    ]);
  });
});
