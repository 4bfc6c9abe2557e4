/**
 * The input of bench/draft.ts, apart from the built package so that
 * tests/draft can draft it too (without a build).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const ARTICLES = ['seed.txt', 'council-vote.txt', 'product-launch.txt', 'sports-report.txt'];

/** About `bytes` of article text: a title, then parts of the four articles' paragraphs under numbered headings. */
export function draftBenchText(bytes = 100 * 1024): string {
  const dir = join(import.meta.dirname, '../tests/draft/articles');
  // Paragraphs only: lines ending like a sentence (headings are left out).
  const paragraphs = ARTICLES.flatMap((name) =>
    readFileSync(join(dir, name), 'utf8')
      .split(/\n\s*\n/)
      .map((block) => block.trim())
      .filter((block) => /[.!?”]$/.test(block)),
  );
  const parts: string[] = ['A Week of News'];
  let size = parts[0]!.length;
  for (let i = 0; size < bytes; i++) {
    if (i % Math.ceil(bytes / 20 / 260) === 0) parts.push(`Part ${parts.length}`);
    const paragraph = paragraphs[i % paragraphs.length]!;
    parts.push(paragraph);
    size += paragraph.length + 2;
  }
  return parts.join('\n\n');
}
