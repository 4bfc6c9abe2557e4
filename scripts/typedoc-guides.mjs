// TypeDoc plugin for the docs site: the guides (typedoc.json `projectDocuments`)
// keep the Markdown GitHub renders, with no front matter, so TypeDoc would title
// each page by its file path ("docs/getting-started"). Title each page by its
// first `# heading` instead.
import { Converter } from 'typedoc';

/** The text of the first `# heading` of a Markdown document, without code marks. */
export function titleOf(markdown) {
  const heading = /^# +(.+?) *#*$/m.exec(markdown);
  return heading ? heading[1].replaceAll('`', '').trim() : undefined;
}

export function load(app) {
  app.converter.on(Converter.EVENT_CREATE_DOCUMENT, (_context, document) => {
    const markdown = document.content.map((part) => part.text).join('');
    if (!document.frontmatter.title) {
      const title = titleOf(markdown);
      if (title) document.name = title;
    }
  });
}
