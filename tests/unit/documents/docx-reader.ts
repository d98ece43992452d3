/** Reads a generated .docx back for assertions: text and HTML through mammoth, raw XML parts through fflate. */
import { strFromU8, unzipSync } from 'fflate';
import mammoth from 'mammoth';

/** The document's text as mammoth extracts it. */
export async function docxText(buffer: Buffer): Promise<string> {
  return (await mammoth.extractRawText({ buffer })).value;
}

/** The document as HTML (headings become h1–h3, tables become table). */
export async function docxHtml(buffer: Buffer): Promise<string> {
  return (await mammoth.convertToHtml({ buffer })).value;
}

/** A part of the package, e.g. word/document.xml or word/footer1.xml. */
export async function docxPart(buffer: Buffer, path: string): Promise<string> {
  const file = unzipSync(new Uint8Array(buffer), { filter: (entry) => entry.name === path })[path];
  return file ? strFromU8(file) : '';
}

/** Every XML part of the package whose path matches. */
export async function docxParts(buffer: Buffer, pattern: RegExp): Promise<string[]> {
  const files = unzipSync(new Uint8Array(buffer), { filter: (entry) => pattern.test(entry.name) });
  return Object.values(files).map((file) => strFromU8(file));
}
