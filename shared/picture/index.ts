export * from './indicator';
export * from './cba';
export * from './survey';
export * from './budget';
