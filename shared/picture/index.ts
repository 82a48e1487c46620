export * from './indicator';
export * from './cba';
export * from './survey';
export * from './budget';
export * from './schemas';
export * from './summary';
export * from './binding';
export * from './example';
