export * from './audit.js';
export * from './auth.js';
export * from './catalogue.js';
export * from './common.js';
export * from './partners.js';
export * from './roles.js';
export * from './sessions.js';
export * from './users.js';
