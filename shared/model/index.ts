export * from './text';
export * from './meters';
export * from './entities';
export * from './links';
export * from './workspace-file';
