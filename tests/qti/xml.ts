// A small XML reader for what the QTI export writes (elements, attributes,
// text, comments, the XML declaration, character and entity references), so
// the tests read the exported files back instead of trusting the writer.

export interface XmlNode {
  readonly name: string;
  readonly attributes: Readonly<Record<string, string>>;
  readonly children: XmlNode[];
  /** The concatenated text directly inside this element. */
  text: string;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

export function decode(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-z]+);/g, (whole, ref: string) => {
    if (ref.startsWith('#x')) return String.fromCodePoint(Number.parseInt(ref.slice(2), 16));
    if (ref.startsWith('#')) return String.fromCodePoint(Number.parseInt(ref.slice(1), 10));
    const value = ENTITIES[ref];
    if (value === undefined) throw new Error(`Unknown entity ${whole}`);
    return value;
  });
}

const TOKEN = /<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<\/([^\s>]+)\s*>|<([^\s/>]+)((?:\s+[^\s=]+\s*=\s*"[^"]*")*)\s*(\/?)>|([^<]+)/g;
const ATTRIBUTE = /([^\s=]+)\s*=\s*"([^"]*)"/g;

/** Parses a document into its root element; throws on mismatched tags or stray text. */
export function parseXml(xml: string): XmlNode {
  const stack: XmlNode[] = [];
  let root: XmlNode | undefined;
  for (const match of xml.matchAll(TOKEN)) {
    const [whole, close, open, attrs = '', selfClosing, text] = match;
    if (whole.startsWith('<?') || whole.startsWith('<!--')) continue;
    if (text !== undefined) {
      if (stack.length) stack[stack.length - 1]!.text += decode(text);
      else if (text.trim()) throw new Error(`Text outside the root element: ${text.slice(0, 40)}`);
    } else if (close !== undefined) {
      const node = stack.pop();
      if (node?.name !== close) throw new Error(`</${close}> closes <${node?.name}>`);
    } else if (open !== undefined) {
      const attributes: Record<string, string> = {};
      for (const [, name, value] of attrs.matchAll(ATTRIBUTE)) attributes[name!] = decode(value!);
      const node: XmlNode = { name: open, attributes, children: [], text: '' };
      if (stack.length) stack[stack.length - 1]!.children.push(node);
      else if (root) throw new Error('Two root elements');
      else root = node;
      if (!selfClosing) stack.push(node);
    }
  }
  if (!root || stack.length) throw new Error('Unclosed elements');
  return root;
}

/** Every descendant (and the node itself) with the given name, in document order. */
export function findAll(node: XmlNode, name: string): XmlNode[] {
  const found: XmlNode[] = node.name === name ? [node] : [];
  for (const child of node.children) found.push(...findAll(child, name));
  return found;
}

/** The first descendant with the given name; throws when there is none. */
export function find(node: XmlNode, name: string): XmlNode {
  const found = findAll(node, name)[0];
  if (!found) throw new Error(`No <${name}> in <${node.name}>`);
  return found;
}
