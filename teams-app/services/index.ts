export * from './register';
export * from './conversations';
export * from './collection';
export * from './meetings';
export * from './scheduler';
export type { OutboxPort, OutboxDraft, EnqueueResult, OutboxQuery } from './outbox/outbox-port';
