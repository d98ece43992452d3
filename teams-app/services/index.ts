export * from './register';
export * from './conversations';
export * from './collection-messages';
export * from './collection-service';
export * from './scheduler';
export * from './meeting-documents';
export * from './meeting-service';
