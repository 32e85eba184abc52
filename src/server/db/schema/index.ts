export * from './partners.js';
export * from './people.js';
