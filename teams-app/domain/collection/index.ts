export * from './delivery-reason';
export * from './targets';
export * from './tracker';
