export * from './targets';
export * from './tracker';
