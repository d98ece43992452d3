/**
 * The shapes of the HTTP API's answers, one zod schema each: the server builds its answers to them and the tab
 * parses what it receives with them. Pure and free of server-only imports, so the tab can load it.
 */
export * from './register';
export * from './collection';
export * from './documents';
export * from './meetings';
export * from './errors';
export * from './admin';
export * from './follow-up';
export * from './history';
export * from './records';
