export * from './agenda-docx';
export * from './minutes-docx';
export * from './document-strings';
export { xmlSafe } from './docx-kit';
