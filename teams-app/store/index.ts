export * from './port';
export * from './files';
export * from './compose';
