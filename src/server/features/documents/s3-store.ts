import { Readable } from 'node:stream';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { AwsClient } from 'aws4fetch';
import { checkedKey, type DocumentStore } from './store.js';

export interface S3Settings {
  /** The service's address, e.g. https://s3.eu-west-1.amazonaws.com or a MinIO or Ceph gateway. */
  endpoint: string;
  bucket: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
}

/** An S3 answer that is not a success, with what the service said (never the credentials). */
class S3Error extends Error {
  constructor(
    readonly operation: string,
    readonly status: number,
    detail: string,
    readonly code?: string,
  ) {
    super(`S3 ${operation} answered ${status}: ${detail.slice(0, 200)}`);
  }
}

/**
 * Documents as objects in an S3-compatible bucket, addressed path-style (`endpoint/bucket/key`,
 * which every S3-compatible service accepts). Requests are signed with AWS Signature V4 by
 * aws4fetch. A PUT is all or nothing on the service's side, so a reader never sees half a file,
 * as with the folder store's rename.
 */
export function s3DocumentStore(settings: S3Settings): DocumentStore {
  const client = new AwsClient({
    accessKeyId: settings.accessKeyId,
    secretAccessKey: settings.secretAccessKey,
    service: 's3',
    region: settings.region,
  });
  const base = `${settings.endpoint.replace(/\/+$/, '')}/${encodeURIComponent(settings.bucket)}`;
  const urlOf = (key: string) => `${base}/${checkedKey(key)}`;
  return {
    async put(key, bytes) {
      const response = await client.fetch(urlOf(key), {
        method: 'PUT',
        // Never a SharedArrayBuffer here: the upload's bytes come from a Buffer.
        body: bytes as Uint8Array<ArrayBuffer>,
        headers: { 'content-type': 'application/octet-stream' },
      });
      if (!response.ok) throw new S3Error('PUT', response.status, await response.text());
      await response.body?.cancel();
    },
    async get(key) {
      const response = await client.fetch(urlOf(key), { method: 'GET' });
      if (response.status === 404) {
        await response.body?.cancel();
        // The folder store's contract: a missing file rejects with ENOENT.
        throw new S3Error('GET', 404, 'no such object', 'ENOENT');
      }
      if (!response.ok || !response.body) {
        throw new S3Error('GET', response.status, await response.text());
      }
      return Readable.fromWeb(response.body as WebReadableStream<Uint8Array>);
    },
    async delete(key) {
      const response = await client.fetch(urlOf(key), { method: 'DELETE' });
      // S3 answers 204 for a key that never existed too; 404 from stricter gateways is fine.
      if (!response.ok && response.status !== 404) {
        throw new S3Error('DELETE', response.status, await response.text());
      }
      await response.body?.cancel();
    },
  };
}
