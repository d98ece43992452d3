/** The part of mammoth's API the document tests use (the package ships no types). */
declare module 'mammoth' {
  interface MammothResult {
    value: string;
    messages: { type: string; message: string }[];
  }
  interface MammothInput {
    buffer: Buffer;
  }
  const mammoth: {
    extractRawText(input: MammothInput): Promise<MammothResult>;
    convertToHtml(input: MammothInput): Promise<MammothResult>;
  };
  export default mammoth;
}
