/** The tab's only way to the server: the HTTP API. */
export * from './client';
export * from './endpoints';
export * from './meeting-endpoints';
export type * from './types';
export type * from './meeting-types';
