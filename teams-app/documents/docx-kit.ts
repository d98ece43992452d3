import {
  AlignmentType,
  Document,
  ExternalHyperlink,
  Footer,
  Header,
  HeadingLevel,
  Packer,
  PageNumber,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type IRunOptions,
  type ParagraphChild,
} from 'docx';
import { isolateLtrRuns, type Locale } from '../domain';
import { t, type MessageKey, type ValuesOf } from '../i18n';

/** A key of the catalogue's document strings. */
export type DocKey = Extract<MessageKey, `doc.${string}`>;

/** How a document is written: its language, direction and the fonts that cover its script. */
export interface DocContext {
  locale: Locale;
  rtl: boolean;
  /** The document's fonts (its default style). */
  font: IRunOptions['font'];
  /** Fonts repeated on each run where the script needs them (Chinese, Arabic); otherwise the default style's. */
  runFont: IRunOptions['font'];
  /** A document string of the catalogue (a `doc.` key) in this language. */
  t: <K extends DocKey>(key: K, ...values: ValuesOf<K>) => string;
  /** "Label: " in this language's typography (French puts a space before the colon, Chinese a full-width one). */
  label: (text: string) => string;
}

const COLON: Partial<Record<Locale, string>> = { fr: '\u00A0: ', zh: '：' };

/** The writing context of a language (Arabic right-to-left; Chinese with an East Asian font). */
export function docContext(locale: Locale): DocContext {
  const font: IRunOptions['font'] =
    locale === 'zh'
      ? { ascii: 'Calibri', hAnsi: 'Calibri', eastAsia: 'SimSun', cs: 'Calibri' }
      : locale === 'ar'
        ? { ascii: 'Arial', hAnsi: 'Arial', cs: 'Arial', eastAsia: 'Arial' }
        : { ascii: 'Calibri', hAnsi: 'Calibri', cs: 'Calibri', eastAsia: 'SimSun' };
  const runFont = locale === 'zh' || locale === 'ar' ? font : undefined;
  return {
    locale,
    rtl: locale === 'ar',
    font,
    runFont,
    t: (key, ...values) => t(key, locale, ...values),
    label: (text) => `${text}${COLON[locale] ?? ': '}`,
  };
}

/** Characters XML 1.0 cannot carry (controls other than tab and newline, lone surrogates, non-characters). */
const INVALID_XML =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** User text made safe for a document: characters XML cannot hold removed; markup stays literal text. */
export function xmlSafe(text: string): string {
  return text.replace(INVALID_XML, '').replace(/\r\n?/g, '\n').replace(/\t/g, ' ');
}

/** Run styling beyond the language defaults. */
export type RunStyle = Pick<IRunOptions, 'bold' | 'italics' | 'size' | 'color'>;

const RTL_LETTER = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/;
const LTR_LETTER = /[A-Za-z\u00C0-\u024F\u0370-\u03FF\u0400-\u04FF\u3040-\u30FF\u3400-\u9FFF]/;

/** Arabic-script characters without a strong direction: number signs, digits, separators and combining marks. */
const RTL_WEAK: readonly (readonly [number, number])[] = [
  [0x0600, 0x060f],
  [0x064b, 0x065f],
  [0x0660, 0x066d],
  [0x0670, 0x0670],
  [0x06d6, 0x06ed],
  [0x06f0, 0x06f9],
];
const RLM = '\u200F';
const LRM = '\u200E';

/** In a right-to-left document, a run is right-to-left unless its text is left-to-right only (a Latin name, a URL). */
function runIsRtl(ctx: DocContext, text: string): boolean {
  return ctx.rtl && (RTL_LETTER.test(text) || !LTR_LETTER.test(text));
}

function strongRtl(char: string | undefined): boolean {
  if (char === undefined || !RTL_LETTER.test(char)) return false;
  const code = char.charCodeAt(0);
  return !RTL_WEAK.some(([from, to]) => code >= from && code <= to);
}

/**
 * A line's text as written into a right-to-left document. A right-to-left run gets a right-to-left mark at each end
 * that is not an Arabic letter (a number, a Latin name, punctuation), so that end cannot flip to the other side when
 * the run sits next to left-to-right text, and each left-to-right run inside it (a file name, an English note) is
 * isolated (U+2068 … U+2069); a left-to-right line (a Latin name, a URL) is held in left-to-right marks.
 */
function directed(ctx: DocContext, line: string, rtl: boolean): string {
  if (!ctx.rtl || line === '') return line;
  if (!rtl) return `${LRM}${line}${LRM}`;
  const isolated = isolateLtrRuns(line);
  const start = strongRtl(isolated.at(0)) ? '' : RLM;
  const end = strongRtl(isolated.at(-1)) ? '' : RLM;
  return `${start}${isolated}${end}`;
}

/**
 * Plain text runs (never interpreted), one line break per newline, in the document's direction and font; in Arabic
 * documents right-to-left (`w:rtl`) with direction marks at ends that could otherwise flip.
 */
export function runs(ctx: DocContext, text: string, style: RunStyle = {}): TextRun[] {
  return xmlSafe(text)
    .split('\n')
    .map((line, i) => {
      const rtl = runIsRtl(ctx, line);
      return new TextRun({
        text: directed(ctx, line, rtl),
        break: i > 0 ? 1 : undefined,
        rightToLeft: rtl || undefined,
        font: ctx.runFont,
        ...style,
        boldComplexScript: style.bold,
        italicsComplexScript: style.italics,
      });
    });
}

/** Paragraph options a caller may set. */
export interface ParaOptions {
  heading?: (typeof HeadingLevel)[keyof typeof HeadingLevel];
  alignment?: (typeof AlignmentType)[keyof typeof AlignmentType];
  bullet?: boolean;
  keepNext?: boolean;
  spacingAfter?: number;
}

/** A paragraph of text or runs, right-to-left for Arabic, aligned to the start of the line by default. */
export function para(ctx: DocContext, content: string | ParagraphChild[], options: ParaOptions = {}): Paragraph {
  return new Paragraph({
    children: typeof content === 'string' ? runs(ctx, content) : content,
    heading: options.heading,
    alignment: options.alignment ?? (ctx.rtl ? AlignmentType.START : undefined),
    bidirectional: ctx.rtl || undefined,
    bullet: options.bullet ? { level: 0 } : undefined,
    keepNext: options.keepNext,
    spacing: options.spacingAfter === undefined ? undefined : { after: options.spacingAfter },
  });
}

/** A heading (level 1: agenda items; 2: sub-items; 3: parts of an item in the minutes). */
export function heading(ctx: DocContext, text: string, level: 1 | 2 | 3): Paragraph {
  const headingLevel =
    level === 1 ? HeadingLevel.HEADING_1 : level === 2 ? HeadingLevel.HEADING_2 : HeadingLevel.HEADING_3;
  return para(ctx, runs(ctx, text), { heading: headingLevel, keepNext: true });
}

/** "Label: value" on one line, the label in bold. */
export function labelled(ctx: DocContext, label: string, value: string | ParagraphChild[]): Paragraph {
  const tail = typeof value === 'string' ? runs(ctx, value) : value;
  return para(ctx, [...runs(ctx, ctx.label(label), { bold: true }), ...tail], { spacingAfter: 60 });
}

/** The width of the text on an A4 page with 2 cm margins, in twentieths of a point. */
const PAGE = { width: 11906, height: 16838, margin: 1134 } as const;
const TEXT_WIDTH = PAGE.width - 2 * PAGE.margin;

/** A piece of styled text. */
export interface Segment {
  text: string;
  style?: RunStyle;
}

/** A table cell's content: text, styled text, or several pieces (each keeps its own direction in Arabic). */
export type CellContent = string | Segment | Segment[];

function cellRuns(ctx: DocContext, content: CellContent, header: boolean): TextRun[] {
  const segments: Segment[] =
    typeof content === 'string' ? [{ text: content }] : Array.isArray(content) ? content : [content];
  return segments.flatMap((segment) =>
    runs(ctx, segment.text, header ? { ...segment.style, bold: true } : segment.style),
  );
}

function cell(ctx: DocContext, content: CellContent, header: boolean, width: number): TableCell {
  return new TableCell({
    children: [para(ctx, cellRuns(ctx, content, header))],
    width: { size: width, type: WidthType.PERCENTAGE },
    shading: header ? { type: ShadingType.CLEAR, color: 'auto', fill: 'D9E2F3' } : undefined,
  });
}

/** A full-width table with a repeated header row; columns laid out right-to-left in Arabic. */
export function table(ctx: DocContext, headers: string[], rows: CellContent[][], widths: number[]): Table {
  const total = widths.reduce((sum, w) => sum + w, 0) || 1;
  const percent = widths.map((w) => Math.round((w / total) * 100));
  const widthOf = (i: number) => percent[i] ?? Math.round(100 / headers.length);
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    columnWidths: percent.map((p) => Math.round((p / 100) * TEXT_WIDTH)),
    visuallyRightToLeft: ctx.rtl || undefined,
    rows: [
      new TableRow({ tableHeader: true, children: headers.map((h, i) => cell(ctx, h, true, widthOf(i))) }),
      ...rows.map((row) => new TableRow({ children: row.map((c, i) => cell(ctx, c, false, widthOf(i))) })),
    ],
  });
}

/** A link to an http(s) address (anything else is shown as plain text, never linked). */
export function link(ctx: DocContext, text: string, url: string): ParagraphChild[] {
  if (!/^https?:\/\//i.test(url)) return runs(ctx, url);
  return [new ExternalHyperlink({ link: xmlSafe(url), children: runs(ctx, text, { color: '0563C1' }) })];
}

function footer(ctx: DocContext): Footer {
  const template = ctx.t('doc.page', { current: '\u0000current\u0000', total: '\u0000total\u0000' });
  const children: (string | (typeof PageNumber)[keyof typeof PageNumber])[] = template
    .split('\u0000')
    .filter((part) => part !== '')
    .map((part) => (part === 'current' ? PageNumber.CURRENT : part === 'total' ? PageNumber.TOTAL_PAGES : part));
  return new Footer({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        bidirectional: ctx.rtl || undefined,
        children: [new TextRun({ children, rightToLeft: ctx.rtl || undefined, font: ctx.runFont, size: 18 })],
      }),
    ],
  });
}

/** What goes into a formal meeting document. */
export interface DocParts {
  title: string;
  /** Shown at the top of every page, e.g. "ISC-TF-32 — Agenda". */
  reference: string;
  children: (Paragraph | Table)[];
}

/** Packs a formal meeting document: A4, page numbers in the footer, the reference in the header. */
export async function packDocument(ctx: DocContext, parts: DocParts): Promise<Buffer> {
  const headingStyle = (size: number) => ({ run: { size, bold: true, font: ctx.font, color: '1F3864' } });
  const document = new Document({
    creator: 'ISC Coordinator',
    title: xmlSafe(parts.title),
    styles: {
      default: {
        document: { run: { font: ctx.font, size: 22 }, paragraph: { spacing: { after: 120 } } },
        title: { run: { size: 36, bold: true, font: ctx.font, color: '1F3864' } },
        heading1: { ...headingStyle(28), paragraph: { spacing: { before: 240, after: 120 } } },
        heading2: { ...headingStyle(24), paragraph: { spacing: { before: 180, after: 100 } } },
        heading3: { ...headingStyle(22), paragraph: { spacing: { before: 120, after: 80 } } },
      },
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: PAGE.width, height: PAGE.height },
            margin: { top: PAGE.margin, bottom: PAGE.margin, left: PAGE.margin, right: PAGE.margin },
          },
        },
        headers: {
          default: new Header({
            children: [
              para(ctx, runs(ctx, parts.reference, { size: 18, color: '595959' }), { alignment: AlignmentType.END }),
            ],
          }),
        },
        footers: { default: footer(ctx) },
        children: parts.children,
      },
    ],
  });
  return Packer.toBuffer(document);
}
