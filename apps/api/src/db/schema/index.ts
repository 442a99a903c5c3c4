export * from './contacts';
export * from './media';
export * from './password-resets';
export * from './sessions';
export * from './sites';
export * from './users';
