/** The tab's only way to the server: the HTTP API. */
export * from './client';
export * from './endpoints';
export * from './meeting-endpoints';
export * from './admin-endpoints';
export type * from './types';
export type * from './meeting-types';
export type * from './admin-types';
