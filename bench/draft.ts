/**
 * `quizkit draft` on 100 KB of text (issue #20: "100 KB of text drafts in
 * under 2 s"). The text is built from the seed article and the three
 * hand-labelled articles of tests/draft, their paragraphs repeated under 20
 * headings, so the module stays within the 100-section limit. Run alone with
 * `npx tsx bench/draft.ts` (after `npm run build`), or through bench/run.ts.
 */
import { draftModule } from '../dist/node.js';
import { draftBenchText } from './draft-text.js';
import { fmt, median, now, sink, table } from './harness.js';

export async function runDraft({ rounds }: { rounds: number }): Promise<string> {
  const text = draftBenchText();
  const bytes = Buffer.byteLength(text);
  const start = now();
  const first = await draftModule(text, { id: 'bench' });
  const cold = now() - start;
  const samples: number[] = [];
  for (let round = 0; round < rounds; round++) {
    const t = now();
    const draft = await draftModule(text, { id: 'bench' });
    samples.push(now() - t);
    sink.value += draft.yaml.length;
    if (draft.yaml !== first.yaml) throw new Error('quizkit draft is not deterministic');
  }
  return table(
    ['input', 'sections', 'questions', 'first call ms (loads compromise)', 'median ms', 'min', 'max'],
    [[`${fmt(bytes / 1024)} KiB`, String(text.split('\n\nPart ').length - 1), String(first.questions.length), fmt(cold), fmt(median(samples)), fmt(Math.min(...samples)), fmt(Math.max(...samples))]],
  );
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const rounds = Number(process.argv.find((arg) => arg.startsWith('--rounds='))?.slice(9) ?? 7);
  console.log(await runDraft({ rounds }));
}
