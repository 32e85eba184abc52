import { buildIfStale } from '../support/build.js';

/** The cluster tests run the compiled server, as a release does. */
export default function setup() {
  buildIfStale('server', 'web');
}
