import { describe, expect, it } from 'vitest';

describe('quizkit/node', () => {
  it('exports exactly its public API', async () => {
    expect(Object.keys(await import('quizkit/node')).sort()).toEqual([
      'DRAFT_MARKER',
      'LINT_RULES',
      'MODULE_FILE_LIMITS',
      'draftModule',
      'findPlaceholders',
      'formatDraftReport',
      'formatIssue',
      'formatIssues',
      'formatLintWarning',
      'lintModule',
      'lintModuleSet',
      'lintModuleSource',
      'loadModuleFile',
      'parseModuleSource',
      'safeLoadModuleFile',
    ]);
  });
});
