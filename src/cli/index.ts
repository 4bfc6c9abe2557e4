#!/usr/bin/env node
/**
 * The `quizkit` bin: runs `main` on the process's arguments and streams and
 * exits with its status. Importing this file runs the CLI; to run it
 * in-process (tests), import `main` from `./main.js` instead.
 */
import { main, processIo } from './main.js';

// Output piped into `head` and closed early is not an error: stop quietly.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
}

main(process.argv.slice(2), processIo()).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`quizkit: unexpected error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 1;
  },
);
