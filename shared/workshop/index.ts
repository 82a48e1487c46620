export * from './types';
export * from './templates';
export * from './digest';
