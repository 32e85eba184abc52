import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Received {
  headers: IncomingHttpHeaders;
  body: string;
}

/**
 * A real HTTP receiver on a free port of this machine, for the webhook tests: it keeps what it
 * receives and answers each request with the next status of `answers` (the last one repeated).
 */
export async function startReceiver(answers: number[] = [204]) {
  const received: Received[] = [];
  let served = 0;
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      received.push({ headers: request.headers, body: Buffer.concat(chunks).toString('utf8') });
      const status = answers[Math.min(served, answers.length - 1)] ?? 204;
      served += 1;
      if (status >= 300 && status < 400)
        response.setHeader('location', 'http://127.0.0.1:1/elsewhere');
      response.statusCode = status;
      response.end(status >= 400 ? 'not now' : '');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hooks`,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
