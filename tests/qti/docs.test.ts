// The worked example in docs/interop.md ("QTI 3.0") is the real export of the
// article module: every line of its XML blocks that is not abbreviated (no
// "…") occurs in the file it shows, whitespace aside, and the numbers the
// section quotes are the ones the code uses.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { northKoreaChina } from 'quizkit/modules';
import { QTI_DECIMALS, toQtiFiles } from 'quizkit/qti';
import { describe, expect, it } from 'vitest';

const markdown = readFileSync(resolve(import.meta.dirname, '../../docs/interop.md'), 'utf8');
const section = /^## QTI 3\.0\n([\s\S]*?)(?=^## )/m.exec(`${markdown}\n## `)?.[1] ?? '';
const blocks = [...section.matchAll(/```xml\n([\s\S]*?)```/g)].map((match) => match[1]!);
const files = new Map(toQtiFiles(northKoreaChina).map((file) => [file.path, file.content]));
const squash = (text: string) => text.replace(/<!--[\s\S]*?-->/g, '').replace(/\s+/g, '');

describe('docs/interop.md, QTI 3.0', () => {
  it('has the worked example: an item, a custom processing, the manifest and a test', () => {
    expect(blocks).toHaveLength(4);
  });

  it.each([
    ['items/who-is-who.xml', 0],
    ['items/order-summit-meeting-anniversary.xml', 1],
    ['imsmanifest.xml', 2],
    ['tests/actors-and-events.xml', 3],
  ] as const)('shows %s as the export writes it', (path, index) => {
    const actual = squash(files.get(path)!);
    const lines = blocks[index]!.split('\n').filter((line) => line.trim() && !line.includes('…'));
    expect(lines.length).toBeGreaterThan(5);
    expect(lines.filter((line) => !actual.includes(squash(line)))).toEqual([]);
  });

  it('quotes the precision the code uses', () => {
    expect(QTI_DECIMALS).toBe(10);
    expect(section).toContain('rounded away from zero at the 10th place (1/3 → `0.3333333334`');
  });
});
