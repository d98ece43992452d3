export * from './agenda-docx';
export * from './minutes-docx';
export * from './annual-report-docx';
export * from './body-name';
export { xmlSafe } from './docx-kit';
