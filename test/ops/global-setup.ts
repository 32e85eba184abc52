import { buildIfStale } from '../support/build.js';

/** The operations tests run the compiled server and the built web app, as a release does. */
export default function setup() {
  buildIfStale('server', 'web');
}
