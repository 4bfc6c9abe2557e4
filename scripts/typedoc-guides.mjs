// TypeDoc plugin for the docs site. The guides (typedoc.json `projectDocuments`)
// keep the plain Markdown GitHub renders, with no front matter, so TypeDoc would
// title each page by its file path ("docs/getting-started") and list the pages
// alphabetically. Title each page by its first `# heading` instead, and list the
// guides in reading order; a guide not named below follows, alphabetically.
import { Converter, DocumentReflection } from 'typedoc';

const READING_ORDER = [
  'docs/getting-started',
  'docs/authoring',
  'docs/scoring',
  'docs/delivery',
  'docs/player',
  'docs/integration',
  'docs/interop',
  'docs/server',
  'docs/performance',
  'docs/architecture',
];
const LAST = ['DEVELOPERS', 'CHANGELOG'];

/** The text of the first `# heading` of a Markdown document, without code marks. */
export function titleOf(markdown) {
  const heading = /^# +(.+?) *#*$/m.exec(markdown);
  return heading ? heading[1].replaceAll('`', '').trim() : undefined;
}

/** Where a document, by its path without extension, stands in the navigation. */
export function rankOf(path) {
  const reading = READING_ORDER.indexOf(path);
  if (reading >= 0) return [0, reading, path];
  const last = LAST.indexOf(path);
  return last >= 0 ? [2, last, path] : [1, 0, path];
}

const compareRanks = (a, b) => a[0] - b[0] || a[1] - b[1] || (a[2] < b[2] ? -1 : a[2] > b[2] ? 1 : 0);

export function load(app) {
  const pathOf = new Map();
  app.converter.on(Converter.EVENT_CREATE_DOCUMENT, (_context, document) => {
    pathOf.set(document, document.name);
    if (!document.frontmatter.title) {
      const title = titleOf(document.content.map((part) => part.text).join(''));
      if (title) document.name = title;
    }
  });
  app.converter.on(Converter.EVENT_RESOLVE_BEGIN, (context) => {
    const project = context.project;
    const byRank = (a, b) => compareRanks(rankOf(pathOf.get(a) ?? a.name), rankOf(pathOf.get(b) ?? b.name));
    project.documents?.sort(byRank);
    // The documents stand first among the project's children, in that order.
    if (project.childrenIncludingDocuments) {
      const others = project.childrenIncludingDocuments.filter((child) => !(child instanceof DocumentReflection));
      project.childrenIncludingDocuments = [...(project.documents ?? []), ...others];
    }
  });
}
