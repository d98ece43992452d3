export * from './register';
export * from './conversations';
