// Text normalisation shared by the rules that compare texts: words, stems and n-grams.

/** Function words: they carry no topic, so overlap in them says nothing. */
const STOPWORDS = new Set(
  (
    'a an the and or but nor of to in on at by for with from as into onto about over under after before than then ' +
    'is are was were be been being am do does did has have had will would shall should can could may might must ' +
    'it its it’s this that these those there here which who whom whose what when where why how ' +
    'he she they them their his her we our you your i me my not no yes so such very more most less much many ' +
    'each every any some other another same own one two three also only just even still all none both either neither'
  ).split(' '),
);

/**
 * Words of a question's stem that say what kind of question it is, not what
 * it is about ("According to the article, which …? Choose all that apply.").
 */
const STEM_WORDS = new Set(
  'article articles say says said according choose apply match put order answer question following section reading text describe describes present presents presented'.split(
    ' ',
  ),
);

/**
 * Lower-case words of a text, accents and apostrophes folded, a possessive
 * `'s` dropped: "China’s" and "china" are one word.
 */
export function words(text: string): string[] {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[’‘`]/g, "'")
    .replace(/'s\b/g, '')
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

/**
 * A crude English stem, enough to match "showcasing" with "showcase" and
 * "declared" with "declaration": common suffixes stripped, then a final `e`.
 */
export function stem(word: string): string {
  if (word.length <= 4) return word;
  const stripped = word.replace(/(ations?|ings?|ments?|ness|ed|es|s|ly)$/, '');
  const base = stripped.length >= 3 ? stripped : word;
  return base.replace(/e$/, '');
}

/** Stems of the words of a text that carry content (no function words). */
export function contentStems(text: string, options: { stem?: boolean } = {}): string[] {
  const kept = words(text).filter((word) => !STOPWORDS.has(word) && !STEM_WORDS.has(word));
  return options.stem === false ? kept : kept.map(stem);
}

/** Whether `part` occurs in `whole` as a run of consecutive tokens. */
export function containsRun(whole: readonly string[], part: readonly string[]): boolean {
  if (part.length === 0 || part.length > whole.length) return false;
  outer: for (let start = 0; start + part.length <= whole.length; start++) {
    for (let i = 0; i < part.length; i++) if (whole[start + i] !== part[i]) continue outer;
    return true;
  }
  return false;
}

/** The n-grams (as space-joined strings) of a token list. */
export function ngrams(tokens: readonly string[], n: number): Set<string> {
  const grams = new Set<string>();
  for (let i = 0; i + n <= tokens.length; i++) grams.add(tokens.slice(i, i + n).join(' '));
  return grams;
}

/** Jaccard similarity of two sets: shared over all; 1 for two empty sets. */
export function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 && b.size === 0) return 1;
  let shared = 0;
  for (const item of a) if (b.has(item)) shared++;
  return shared / (a.size + b.size - shared);
}

/** A text clipped for a message. */
export function quoteText(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return `“${flat.length > 60 ? `${flat.slice(0, 60)}…` : flat}”`;
}
