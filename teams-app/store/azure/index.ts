export * from './settings';
export * from './table-store';
export * from './blob-lease';
export * from './lease-leader';
export * from './outbox-partitions';
export * from './queue-outbox';
