export * from './auth';
export * from './common';
export * from './errors';
export * from './media';
export * from './sites';
export * from './system';
export * from './users';
