import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { text } from 'node:stream/consumers';
import S3rver from 's3rver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createTestApp, type TestApp } from '../../../../test/support/app.js';
import type { Document } from '../../../contract/documents.js';
import { ConfigError, loadConfig } from '../../config.js';
import { SESSION, seedCertificateWorld } from '../certificates/test-data.js';
import { s3DocumentStore } from './s3-store.js';
import { storageKeyOf } from './store.js';
import { TEST_FILES } from './test-files.js';

const BUCKET = 'rabita-documents';
/**
 * S3rver's account. It refuses an unknown access key but does not recompute Signature V4 (the
 * signing itself is aws4fetch's).
 */
const KEYS = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' };

/**
 * The S3-compatible store against a real S3 server (S3rver, speaking the S3 REST API with
 * signature checks): the same three calls as the folder store, and the documents API on top.
 */
describe('documents in an S3-compatible bucket', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rabita-s3-'));
  const server = new S3rver({
    address: '127.0.0.1',
    port: 0,
    silent: true,
    directory: dir,
    configureBuckets: [{ name: BUCKET, configs: [] }],
  });
  let endpoint = '';
  let t: TestApp;

  beforeAll(async () => {
    const address = (await server.run()) as AddressInfo;
    endpoint = `http://127.0.0.1:${address.port}`;
    t = await createTestApp({
      documentStore: s3DocumentStore({ endpoint, bucket: BUCKET, region: 'us-east-1', ...KEYS }),
    });
  });
  afterAll(async () => {
    await t?.close();
    await server.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('puts, reads back, deletes, and answers ENOENT for a missing object', async () => {
    const store = s3DocumentStore({ endpoint, bucket: BUCKET, region: 'us-east-1', ...KEYS });
    const key = storageKeyOf('0f8e2b1c-5d4a-4c3b-9a8f-7e6d5c4b3a21');
    await store.put(key, new TextEncoder().encode('جدول الأعمال'));
    expect(await text(await store.get(key))).toBe('جدول الأعمال');
    await store.delete(key);
    await expect(store.get(key)).rejects.toMatchObject({ code: 'ENOENT' });
    // Deleting what is not there is not an error, as in the folder store.
    await store.delete(key);
    // Only a document's own key ever reaches the URL.
    await expect(store.put('../other-bucket/x', new Uint8Array(1))).rejects.toThrow(/key/);
  });

  it('fails loudly, without the secret in the message, when the credentials are refused', async () => {
    const wrong = s3DocumentStore({
      endpoint,
      bucket: BUCKET,
      region: 'us-east-1',
      accessKeyId: 'NOT-AN-ACCOUNT',
      secretAccessKey: 'not-the-secret',
    });
    const key = storageKeyOf('1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d');
    const failure = await wrong.put(key, new Uint8Array([1, 2, 3])).catch((e: Error) => e);
    expect(failure).toBeInstanceOf(Error);
    expect((failure as Error).message).toMatch(/S3 PUT answered 403/);
    expect((failure as Error).message).not.toContain('not-the-secret');
    await expect(
      s3DocumentStore({ endpoint, bucket: BUCKET, region: 'us-east-1', ...KEYS }).get(key),
    ).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('serves uploads and downloads through the documents API', async () => {
    const { browsers } = await seedCertificateWorld(t);
    const uploaded = await call(
      t.app,
      browsers.registrar,
      'POST',
      `/api/v1/sessions/${SESSION}/documents`,
      {
        title: { en: 'Agenda', ar: 'جدول الأعمال' },
        kind: 'agenda',
        audience: 'staff',
        fileName: 'agenda.pdf',
        content: TEST_FILES.pdf.toString('base64'),
      },
    );
    expect(uploaded.statusCode, uploaded.body).toBe(201);
    const doc = uploaded.json<Document>();
    const file = await call(t.app, browsers.registrar, 'GET', doc.downloadUrl);
    expect(file.statusCode).toBe(200);
    expect(file.rawPayload.equals(TEST_FILES.pdf)).toBe(true);
    const removed = await call(t.app, browsers.registrar, 'DELETE', `/api/v1/documents/${doc.id}`);
    expect(removed.statusCode, removed.body).toBe(204);
    expect((await call(t.app, browsers.registrar, 'GET', doc.downloadUrl)).statusCode).toBe(404);
  });

  it('needs every S3 setting once one is given', () => {
    const base = { RABITA_DATA_DIR: dir };
    expect(loadConfig(base).documentsS3).toBeUndefined();
    expect(() =>
      loadConfig({
        ...base,
        RABITA_DOCUMENTS_S3_ENDPOINT: endpoint,
        RABITA_DOCUMENTS_S3_BUCKET: BUCKET,
      }),
    ).toThrow(ConfigError);
    const full = loadConfig({
      ...base,
      RABITA_DOCUMENTS_S3_ENDPOINT: endpoint,
      RABITA_DOCUMENTS_S3_BUCKET: BUCKET,
      RABITA_DOCUMENTS_S3_ACCESS_KEY_ID: 'S3RVER',
      RABITA_DOCUMENTS_S3_SECRET_ACCESS_KEY: 'S3RVER',
    });
    expect(full.documentsS3).toMatchObject({ bucket: BUCKET, region: 'us-east-1' });
  });
});
