import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';

/**
 * Where documents' bytes are kept, by a key the documents table holds: a filesystem folder by
 * default, or an S3-compatible bucket (s3-store.ts).
 */
export interface DocumentStore {
  /** Writes the whole file under the key, or nothing: a reader never sees half a file. */
  put(key: string, bytes: Uint8Array): Promise<void>;
  /** A stream of the file; rejects with code ENOENT when there is none. */
  get(key: string): Promise<Readable>;
  /** Removes the file; a key with no file is not an error. */
  delete(key: string): Promise<void>;
}

/** A key names a file inside the store: two hex characters of shard, then the document's id. */
const KEY = /^[0-9a-f]{2}\/[0-9a-f-]{36}$/;

/** The key, checked: nothing but a document's own key ever reaches a path or a URL. */
export function checkedKey(key: string): string {
  if (!KEY.test(key)) throw new Error('not a document storage key');
  return key;
}

/** The storage key of a document id. */
export function storageKeyOf(id: string): string {
  return `${id.slice(0, 2)}/${id}`;
}

/**
 * Documents as files under one folder (default: `documents` in the data folder). Written to a
 * temporary name, flushed, then renamed into place, so a crash leaves no half-written document
 * under its key.
 */
export function filesystemDocumentStore(root: string): DocumentStore {
  const fileOf = (key: string) => path.join(root, ...checkedKey(key).split('/'));
  return {
    async put(key, bytes) {
      const target = fileOf(key);
      await fs.mkdir(path.dirname(target), { recursive: true, mode: 0o700 });
      const temporary = `${target}.part-${randomBytes(6).toString('hex')}`;
      const handle = await fs.open(temporary, 'wx', 0o600);
      try {
        await handle.writeFile(bytes);
        await handle.sync();
      } catch (error) {
        await handle.close();
        await fs.rm(temporary, { force: true });
        throw error;
      }
      await handle.close();
      await fs.rename(temporary, target).catch(async (error: unknown) => {
        await fs.rm(temporary, { force: true });
        throw error;
      });
    },
    async get(key) {
      // Opened first, so a missing file is an error here and not half-way through an answer.
      const handle = await fs.open(fileOf(key), 'r');
      return handle.createReadStream();
    },
    async delete(key) {
      await fs.rm(fileOf(key), { force: true });
    },
  };
}
