export * from './topic-history';
export * from './audit-log';
export * from './history-service';
