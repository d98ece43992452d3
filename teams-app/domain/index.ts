export * from './reference';
export * from './entities';
export * from './errors';
export * from './zoned-time';
export * from './collection-window';
export * from './meeting-state';
export * from './collection';
