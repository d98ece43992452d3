export * from './port';
export * from './files';
