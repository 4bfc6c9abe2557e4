import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createExamClient } from '../../src/player/modes/exam-client.js';

// A save that never answers must fail like a network failure, so the player's
// save queue retries it and submit is not left waiting forever.
describe('issue #12: the exam client gives up on a request that never answers', () => {
  const held: (() => void)[] = [];
  afterEach(() => held.splice(0).forEach((release) => release()));

  it('rejects with a TimeoutError after timeoutMs', async () => {
    const server = createServer((_request, response) => held.push(() => response.end()));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    try {
      const client = createExamClient(`http://127.0.0.1:${port}`, { token: 'l_x.y', storage: null, timeoutMs: 200 });
      const error = await client.answer('attempt', 'question', 'a').then(
        () => undefined,
        (failure: unknown) => failure as Error,
      );
      expect(error?.name).toBe('TimeoutError');
    } finally {
      server.closeAllConnections();
      server.close();
    }
  });
});
