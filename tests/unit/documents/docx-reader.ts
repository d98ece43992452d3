/** Reads a generated .docx back for assertions: text and HTML through mammoth, raw XML parts through jszip. */
import JSZip from 'jszip';
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
  const zip = await JSZip.loadAsync(buffer);
  const file = zip.file(path);
  return file ? file.async('string') : '';
}

/** Every XML part of the package whose path matches. */
export async function docxParts(buffer: Buffer, pattern: RegExp): Promise<string[]> {
  const zip = await JSZip.loadAsync(buffer);
  const names = Object.keys(zip.files).filter((name) => pattern.test(name));
  return Promise.all(names.map((name) => zip.file(name)?.async('string') ?? ''));
}
