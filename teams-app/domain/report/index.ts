export * from './annual-report';
