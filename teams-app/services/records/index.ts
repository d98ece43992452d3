export * from './columns';
export * from './tables';
export * from './register-import';
export * from './exports';
export * from './annual-report';
