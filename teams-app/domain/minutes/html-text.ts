import { Tokenizer, type TokenizerCallbacks } from 'htmlparser2';

/** Marks the start of an @mention inside extracted text (a private-use character never kept from input). */
export const MENTION_OPEN = '\uE000';
/** Marks the end of an @mention inside extracted text. */
export const MENTION_CLOSE = '\uE001';

/** The longest message text read; anything beyond is cut (and reported as `message-too-long`). */
export const MAX_MESSAGE_CHARS = 100_000;

/** One line of a message as plain text, with where it came from in the source. */
export interface TextLine {
  /** Plain text; @mentions are wrapped in MENTION_OPEN … MENTION_CLOSE. */
  text: string;
  rawStart: number;
  rawEnd: number;
  /** A script, style or other active element was dropped from this line. */
  markupRemoved: boolean;
}

/** A message turned into plain lines. */
export interface MessageText {
  lines: TextLine[];
  /** The (possibly cut) source the raw offsets refer to. */
  source: string;
  truncated: boolean;
}

/** Elements that end a line before and after them. */
const BLOCK_TAGS = new Set([
  'p',
  'div',
  'br',
  'li',
  'ul',
  'ol',
  'tr',
  'table',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'blockquote',
  'pre',
  'hr',
  'section',
  'article',
  'header',
  'footer',
]);
/** Table cells: a space between them. */
const CELL_TAGS = new Set(['td', 'th']);
/** Active or hidden elements: dropped with everything inside them, and reported (`markupRemoved`). */
const DROPPED_ELEMENTS = new Set([
  'script',
  'style',
  'iframe',
  'object',
  'embed',
  'noscript',
  'template',
  'svg',
  'math',
  'title',
]);
/** Elements without content or closing tag (HTML's void elements that matter here). */
const VOID_ELEMENTS = new Set(['br', 'hr', 'img', 'embed', 'wbr', 'input', 'area', 'col', 'source', 'track']);
/** Elements where `<x/>` closes itself (SVG and MathML); elsewhere HTML reads `<x/>` as `<x>`. */
const SELF_CLOSING_ELEMENTS = new Set(['svg', 'math']);
/** The attributes read: an image's or emoji's text, and what marks a span as a mention. */
const READ_ATTRIBUTES = new Set(['alt', 'itemtype']);
/** The longest image `alt` text kept (an emoji's name, not a paragraph hidden in an attribute). */
const MAX_ALT_CHARS = 40;

/** Characters that are never kept: controls (tab and newline aside), our own mention marks, non-characters. */
// eslint-disable-next-line no-control-regex
const UNWANTED = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\uE000\uE001\uFFFE\uFFFF]/g;

/** Removes control characters and the private mention marks from text taken from input. */
export function cleanText(value: string): string {
  return value.replace(UNWANTED, '');
}

/** True when a message is HTML (as Teams and Graph send it) rather than plain text. */
export function looksLikeHtml(value: string): boolean {
  return (
    /<\/?[a-zA-Z][a-zA-Z0-9:-]*(?:\s[^<>]*)?\/?>/.test(value) ||
    /&(?:#\d{1,7}|#x[0-9a-f]{1,6}|[a-z]{2,8});/i.test(value)
  );
}

function tidy(text: string): string {
  return text.replace(/[\s\u200B]+/g, ' ').trim();
}

function visible(text: string): boolean {
  return text.replace(/[\uE000\uE001]/g, '').trim() !== '';
}

function plainLines(source: string): TextLine[] {
  const lines: TextLine[] = [];
  const pattern = /\r\n|\r|\n/g;
  let start = 0;
  for (;;) {
    const match = pattern.exec(source);
    const end = match ? match.index : source.length;
    const text = tidy(cleanText(source.slice(start, end)));
    if (text !== '') lines.push({ text, rawStart: start, rawEnd: end, markupRemoved: false });
    if (!match) break;
    start = match.index + match[0].length;
  }
  return lines;
}

/** An opening tag as the tokenizer reads it: name, where it starts and the attributes we read. */
interface OpenTag {
  name: string;
  start: number;
  attributes: Map<string, string>;
}

/** Builds the lines from the tokens of a message: text, line breaks at block elements, mention marks. */
class LineBuilder {
  readonly lines: TextLine[] = [];
  private text = '';
  private lineStart = 0;
  private lineMarkup = false;
  private mentionOpen = false;
  /** For each open span, whether it opened the current mention. */
  private readonly spans: boolean[] = [];
  /** How many dropped elements are open, by name; their content is skipped. */
  private readonly dropped = new Map<string, number>();
  private droppedDepth = 0;

  addText(value: string): void {
    if (this.droppedDepth === 0) this.text += cleanText(value);
  }

  open(tag: OpenTag, end: number, selfClosing: boolean): void {
    const { name } = tag;
    if (DROPPED_ELEMENTS.has(name)) {
      this.lineMarkup ||= this.droppedDepth === 0;
      if (!VOID_ELEMENTS.has(name) && !(selfClosing && SELF_CLOSING_ELEMENTS.has(name))) {
        this.dropped.set(name, (this.dropped.get(name) ?? 0) + 1);
        this.droppedDepth++;
      }
      return;
    }
    if (this.droppedDepth > 0) return;
    if (name === 'at') {
      if (!this.mentionOpen) this.startMention();
    } else if (name === 'span') {
      const mention = !this.mentionOpen && /mention/i.test(tag.attributes.get('itemtype') ?? '');
      this.spans.push(mention);
      if (mention) this.startMention();
    } else if (name === 'img' || name === 'emoji') {
      const alt = tag.attributes.get('alt');
      if (alt && alt.length <= MAX_ALT_CHARS) this.addText(alt);
    } else if (CELL_TAGS.has(name)) {
      this.text += ' ';
    } else if (BLOCK_TAGS.has(name)) {
      if (VOID_ELEMENTS.has(name) || selfClosing) this.flush(end, end);
      else this.flush(tag.start, tag.start);
    }
  }

  close(name: string, end: number): void {
    const open = this.dropped.get(name) ?? 0;
    if (open > 0) {
      this.dropped.set(name, open - 1);
      this.droppedDepth--;
      return;
    }
    if (this.droppedDepth > 0) return;
    if (name === 'at') {
      if (this.mentionOpen) this.endMention();
    } else if (name === 'span') {
      if (this.spans.pop() && this.mentionOpen) this.endMention();
    } else if (CELL_TAGS.has(name)) {
      this.text += ' ';
    } else if (BLOCK_TAGS.has(name)) {
      this.flush(end, end);
    }
  }

  /** Ends the current line at `rawEnd` (keeping it when it has text or dropped markup); the next starts at `nextStart`. */
  flush(rawEnd: number, nextStart: number): void {
    if (this.mentionOpen) this.text += MENTION_CLOSE;
    const tidied = tidy(this.text);
    if (visible(tidied) || this.lineMarkup) {
      this.lines.push({
        text: visible(tidied) ? tidied : '',
        rawStart: this.lineStart,
        rawEnd,
        markupRemoved: this.lineMarkup,
      });
    }
    this.text = this.mentionOpen ? MENTION_OPEN : '';
    this.lineStart = nextStart;
    this.lineMarkup = false;
  }

  private startMention(): void {
    this.text += MENTION_OPEN;
    this.mentionOpen = true;
  }

  private endMention(): void {
    this.text += MENTION_CLOSE;
    this.mentionOpen = false;
  }
}

/**
 * Reads HTML with htmlparser2's tokenizer (tags, attributes, comments, raw-text elements such as script and style,
 * character references) and turns the tokens into lines. The tokenizer, not htmlparser2's `Parser`: text needs no
 * tree, and the parser's open-element stack makes deeply nested or unbalanced input quadratic.
 */
function htmlLines(source: string): TextLine[] {
  const builder = new LineBuilder();
  let tag: OpenTag | null = null;
  let attributeName = '';
  let attributeValue = '';
  const callbacks: TokenizerCallbacks = {
    ontext: (start, end) => builder.addText(source.slice(start, end)),
    // A reference to nothing valid (`&#0;`, a lone surrogate) decodes to U+FFFD; it stands for nothing, so is dropped.
    ontextentity: (codePoint) => codePoint !== 0xfffd && builder.addText(String.fromCodePoint(codePoint)),
    onopentagname: (start, end) => {
      tag = { name: source.slice(start, end).toLowerCase(), start: start - 1, attributes: new Map() };
    },
    onattribname: (start, end) => {
      attributeName = source.slice(start, end).toLowerCase();
      attributeValue = '';
    },
    onattribdata: (start, end) => {
      if (READ_ATTRIBUTES.has(attributeName)) attributeValue += source.slice(start, end);
    },
    onattribentity: (codePoint) => {
      if (READ_ATTRIBUTES.has(attributeName)) attributeValue += String.fromCodePoint(codePoint);
    },
    onattribend: () => {
      if (tag && READ_ATTRIBUTES.has(attributeName) && !tag.attributes.has(attributeName)) {
        tag.attributes.set(attributeName, attributeValue);
      }
    },
    onopentagend: (end) => {
      if (tag) builder.open(tag, end + 1, false);
      tag = null;
    },
    onselfclosingtag: (end) => {
      if (tag) builder.open(tag, end + 1, true);
      tag = null;
    },
    onclosetag: (start, end) => {
      const gt = source.indexOf('>', end);
      builder.close(source.slice(start, end).toLowerCase(), gt < 0 ? source.length : gt + 1);
    },
    oncomment: () => {},
    oncdata: () => {},
    ondeclaration: () => {},
    onprocessinginstruction: () => {},
    onend: () => {},
  };
  const tokenizer = new Tokenizer({ decodeEntities: true }, callbacks);
  tokenizer.write(source);
  tokenizer.end();
  builder.flush(source.length, source.length);
  return builder.lines;
}

/**
 * Turns a chat message (Teams HTML or plain text) into plain lines, safely: tags are dropped (script, style and
 * similar elements with their content), character references decoded, control characters removed, @mentions
 * marked. Linear in the length of the message; never throws.
 */
export function messageLines(value: string, html = looksLikeHtml(value)): MessageText {
  const truncated = value.length > MAX_MESSAGE_CHARS;
  const source = truncated ? value.slice(0, MAX_MESSAGE_CHARS) : value;
  return { lines: html ? htmlLines(source) : plainLines(source), source, truncated };
}

/** Text without the mention marks. */
export function withoutMarks(text: string): string {
  return text.replace(/[\uE000\uE001]/g, '');
}
