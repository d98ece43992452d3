export * from './annual-report';
export * from './report-view';
