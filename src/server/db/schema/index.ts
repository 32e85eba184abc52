export * from './catalogue.js';
export * from './delivery.js';
export * from './messages.js';
export * from './nominations.js';
export * from './partners.js';
export * from './people.js';
export * from './programmes.js';
export * from './sessions.js';
