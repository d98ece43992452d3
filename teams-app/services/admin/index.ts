export * from './admin-deps';
export * from './record-version';
export * from './audit-trail';
export * from './topics-admin';
export * from './people-admin';
export * from './assignments-admin';
export * from './prompt-handover';
export * from './register-admin-service';
