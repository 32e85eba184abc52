export * from './catalogue.js';
export * from './partners.js';
export * from './people.js';
export * from './sessions.js';
