export * from './auth';
export * from './common';
export * from './contacts';
export * from './errors';
export * from './jobs';
export * from './media';
export * from './sites';
export * from './users';
