export * from './follow-up-deps';
export * from './follow-up-query';
export * from './action-updates';
export * from './escalation-outcome';
export * from './follow-up-service';
