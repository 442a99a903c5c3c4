export * from './media';
export * from './sessions';
export * from './sites';
export * from './users';
