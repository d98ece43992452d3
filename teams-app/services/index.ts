export * from './register';
export * from './conversations';
export * from './collection';
export * from './meetings';
export * from './scheduler';
export * from './admin';
export * from './follow-up';
export * from './history';
export type { OutboxPort, OutboxDraft, EnqueueResult, OutboxQuery } from './outbox/outbox-port';
