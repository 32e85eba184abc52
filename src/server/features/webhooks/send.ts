import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import { BlockList, isIP, type LookupFunction } from 'node:net';

/** How long one attempt may take, connection to last byte read. */
export const REQUEST_TIMEOUT_MS = 10_000;
/** How much of a receiver's answer is read before the connection is dropped. */
export const MAX_RESPONSE_BYTES = 64 * 1024;

/**
 * Addresses a delivery never connects to: link-local (where cloud metadata services answer,
 * 169.254.169.254 and fd00:ec2::254) and the unspecified ones. Checked on every address a name
 * resolves to, at connection time, so a name that changes its answer cannot slip past.
 */
const refused = new BlockList();
refused.addSubnet('169.254.0.0', 16, 'ipv4');
refused.addSubnet('0.0.0.0', 8, 'ipv4');
refused.addSubnet('fe80::', 10, 'ipv6');
refused.addAddress('fd00:ec2::254', 'ipv6');
refused.addAddress('::', 'ipv6');

export function isRefusedAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 0) return false;
  if (family === 6) {
    const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
    if (mapped?.[1]) return refused.check(mapped[1], 'ipv4');
    return refused.check(address, 'ipv6');
  }
  return refused.check(address, 'ipv4');
}

export class RefusedAddressError extends Error {
  code = 'ERR_REFUSED_ADDRESS';
}

/** DNS as usual, but an answer holding a refused address fails the connection. */
const guardedLookup: LookupFunction = (hostname, options, callback) => {
  dnsLookup(hostname, { ...options, all: true }, (error, addresses: LookupAddress[]) => {
    if (error) return callback(error, '', 0);
    const bad = addresses.find((a) => isRefusedAddress(a.address));
    if (bad) {
      return callback(
        new RefusedAddressError(`${hostname} resolves to ${bad.address}, a refused address`),
        '',
        0,
      );
    }
    if (options.all)
      return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, addresses);
    const first = addresses[0];
    if (!first) return callback(new Error(`${hostname} has no address`), '', 0);
    callback(null, first.address, first.family);
  });
};

export interface SendOutcome {
  /** Null when no answer came. */
  statusCode: number | null;
  durationMs: number;
  /** Null on a 2xx answer; else why the attempt failed, in one line. */
  error: string | null;
}

/**
 * POSTs one signed body. Redirects are not followed (a 3xx is a failure that names where it
 * pointed); the whole attempt is bounded in time and at most {@link MAX_RESPONSE_BYTES} of the
 * answer are read. Never throws: the outcome says what happened.
 */
export function postWebhook(
  url: string,
  headers: Record<string, string>,
  body: string,
  timeoutMs = REQUEST_TIMEOUT_MS,
): Promise<SendOutcome> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  return new Promise((resolve) => {
    let settled = false;
    let timer: NodeJS.Timeout | undefined;
    const done = (statusCode: number | null, error: string | null) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve({ statusCode, durationMs: elapsed(), error: error?.slice(0, 500) ?? null });
    };
    let target: URL;
    try {
      target = new URL(url);
    } catch {
      return done(null, 'the address is not a valid URL');
    }
    const host = target.hostname.replace(/^\[|\]$/g, '');
    if (isRefusedAddress(host)) return done(null, `${host} is a refused address`);
    const client = target.protocol === 'https:' ? https : http;
    const request = client.request(
      target,
      {
        method: 'POST',
        headers: {
          ...headers,
          'content-type': 'application/json',
          'content-length': String(Buffer.byteLength(body)),
          'user-agent': 'Rabita-Webhooks/1',
        },
        lookup: guardedLookup,
        agent: false,
      },
      (response) => {
        const status = response.statusCode ?? null;
        let read = 0;
        let snippet = '';
        response.on('data', (chunk: Buffer) => {
          if (snippet.length < 200) snippet += chunk.toString('utf8', 0, 200 - snippet.length);
          read += chunk.length;
          if (read > MAX_RESPONSE_BYTES) {
            response.destroy();
            finish();
          }
        });
        response.on('end', finish);
        response.on('error', finish);
        function finish() {
          if (status !== null && status >= 200 && status < 300) return done(status, null);
          if (status !== null && status >= 300 && status < 400) {
            const location = response.headers.location ?? 'nowhere';
            return done(status, `redirected to ${location}; redirects are not followed`);
          }
          const said = snippet.replace(/\s+/g, ' ').trim();
          done(status, `the receiver answered ${status}${said ? `: ${said}` : ''}`);
        }
      },
    );
    timer = setTimeout(() => {
      done(null, `no complete answer within ${timeoutMs / 1000} s`);
      request.destroy();
    }, timeoutMs);
    request.on('error', (error: NodeJS.ErrnoException) => {
      const code = error.code && !error.message.includes(error.code) ? `${error.code} ` : '';
      done(null, `${code}${error.message}`.replace(/\s+/g, ' '));
    });
    request.end(body);
  });
}
