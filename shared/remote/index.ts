export * from './agreement';
export * from './request';
