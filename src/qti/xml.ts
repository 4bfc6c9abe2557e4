// A tiny XML writer: elements as plain data, rendered with two-space
// indentation. Only what the QTI export needs: no mixed content, no namespaces
// beyond attributes written out by the caller.

/** Attribute values; `undefined` leaves the attribute out. */
export type Attributes = Readonly<Record<string, string | number | boolean | undefined>>;

/** An element with attributes and either element children or one text child. */
export interface XmlElement {
  readonly name: string;
  readonly attributes: Attributes;
  readonly children: readonly (XmlElement | string)[];
}

/** Builds an element; `false`, `null` and `undefined` children are skipped, arrays are flattened. */
export function el(name: string, attributes: Attributes = {}, ...children: readonly XmlChild[]): XmlElement {
  const flat: (XmlElement | string)[] = [];
  const add = (child: XmlChild): void => {
    if (child === undefined || child === null || child === false) return;
    if (Array.isArray(child)) child.forEach(add);
    else flat.push(child as XmlElement | string);
  };
  children.forEach(add);
  return { name, attributes, children: flat };
}

/** What `el` accepts as a child. */
export type XmlChild = XmlElement | string | false | null | undefined | readonly XmlChild[];

// XML 1.0 `Char`: tab, LF, CR, U+0020–U+D7FF, U+E000–U+FFFD, U+10000–U+10FFFF.
// Anything else (C0 controls, lone surrogates, U+FFFE/U+FFFF) cannot appear in
// a document at all, not even as a character reference, so it becomes U+FFFD.
const NOT_XML_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** Escapes text content: `&`, `<`, `>` (so `]]>` cannot occur), and characters XML forbids. */
export function escapeText(text: string): string {
  return text.replace(NOT_XML_CHAR, '\uFFFD').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Escapes an attribute value (double-quoted); tab, LF and CR as references so they survive normalisation. */
export function escapeAttribute(value: string): string {
  return escapeText(value)
    .replace(/"/g, '&quot;')
    .replace(/\t/g, '&#9;')
    .replace(/\n/g, '&#10;')
    .replace(/\r/g, '&#13;');
}

function renderAttributes(attributes: Attributes): string {
  let out = '';
  for (const [name, value] of Object.entries(attributes)) {
    if (value !== undefined) out += ` ${name}="${escapeAttribute(String(value))}"`;
  }
  return out;
}

function render(element: XmlElement, indent: string, lines: string[]): void {
  const open = `${indent}<${element.name}${renderAttributes(element.attributes)}`;
  const { children } = element;
  if (children.length === 0) {
    lines.push(`${open}/>`);
  } else if (children.every((child) => typeof child === 'string')) {
    lines.push(`${open}>${children.map((child) => escapeText(child as string)).join('')}</${element.name}>`);
  } else {
    lines.push(`${open}>`);
    for (const child of children) {
      if (typeof child === 'string') lines.push(`${indent}  ${escapeText(child)}`);
      else render(child, `${indent}  `, lines);
    }
    lines.push(`${indent}</${element.name}>`);
  }
}

/** Renders a whole document: the XML declaration, the root element, a final newline. */
export function renderDocument(root: XmlElement): string {
  const lines = ['<?xml version="1.0" encoding="UTF-8"?>'];
  render(root, '', lines);
  return `${lines.join('\n')}\n`;
}
