#!/usr/bin/env node
// `npm test`: checks what we ship, step by step, and ends with the one line CI
// reads, `N passed, N failed`. Vitest's tests count one each; every other step
// (typecheck, build, publint, attw, typedoc) counts as one check.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';

const report = '.tmp/vitest-report.json';
const steps = [
  { name: 'typecheck', cmd: 'npx tsc -p .' },
  { name: 'generated modules and docs pages match quizzes/', cmd: 'npx tsx src/cli/index.ts build --check' },
  { name: 'build', cmd: 'npx tsup --silent' },
  { name: 'unit, package and browser tests', cmd: `npx vitest run --reporter=default --reporter=json --outputFile.json=${report}`, vitest: true },
  { name: 'publint --strict', cmd: 'npx publint --strict' },
  { name: 'attw --pack .', cmd: 'npx attw --pack . --format ascii' },
  { name: 'typedoc (warnings are errors)', cmd: 'npx typedoc --logLevel Warn' },
];

let passed = 0;
let failed = 0;
const failures = [];
mkdirSync('.tmp', { recursive: true });

for (const step of steps) {
  console.log(`\n▶ ${step.name}: ${step.cmd}`);
  if (step.vitest) rmSync(report, { force: true });
  const run = spawnSync(step.cmd, { shell: true, stdio: 'inherit' });
  if (step.vitest) {
    let counts;
    try {
      const json = JSON.parse(readFileSync(report, 'utf8'));
      // A file that failed to load has no failed test of its own: count it once.
      const broken = json.testResults.filter(
        (file) => file.status === 'failed' && !file.assertionResults.some((test) => test.status === 'failed'),
      ).length;
      counts = { passed: json.numPassedTests, failed: json.numFailedTests + broken };
    } catch {
      counts = { passed: 0, failed: 1 };
    }
    // A suite that failed to load has no tests to count; make sure it still fails the run.
    if (run.status !== 0 && counts.failed === 0) counts.failed = 1;
    passed += counts.passed;
    failed += counts.failed;
    if (counts.failed) failures.push(`${step.name} (${counts.failed})`);
  } else if (run.status === 0) {
    passed += 1;
  } else {
    failed += 1;
    failures.push(step.name);
  }
}

if (failures.length) console.log(`\nFailed: ${failures.join(', ')}`);
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
