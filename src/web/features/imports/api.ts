import { queryOptions } from '@tanstack/react-query';
import type {
  ColumnMapping,
  DuplicateChoice,
  Import,
  ImportKind,
} from '../../../contract/index.js';
import { IMPORT_MAX_BYTES } from '../../../contract/index.js';
import { api, withQuery } from '../../lib/api.js';

const importPath = (id: string) => `/api/v1/imports/${encodeURIComponent(id)}`;

/** Polled while a job works on it: every half second, so the bar moves live. */
export const importQuery = (id: string) =>
  queryOptions({
    queryKey: ['imports', id] as const,
    queryFn: ({ signal }) => api<Import>(importPath(id), { signal }),
    refetchInterval: (query) => {
      const status = query.state.data?.status;
      return status === 'checking' || status === 'committing' ? 500 : false;
    },
  });

export const templateUrl = (kind: ImportKind, format: 'csv' | 'xlsx', lang: string) =>
  withQuery(`/api/v1/imports/templates/${kind}`, { format, lang });

/** The file's bytes as base64, read in the browser. */
async function base64Of(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary);
}

/** True when the file is over the size an import takes: refused before it is sent. */
export const tooLarge = (file: File) => file.size > IMPORT_MAX_BYTES;

export async function uploadImport(kind: ImportKind, file: File, nationCode: string | null) {
  return api<Import>('/api/v1/imports', {
    method: 'POST',
    body: { kind, nationCode, fileName: file.name, content: await base64Of(file) },
  });
}

export const checkImport = (id: string, mapping: ColumnMapping) =>
  api<Import>(`${importPath(id)}/check`, { method: 'POST', body: { mapping } });

export const commitImport = (id: string, choices: { row: number; choice: DuplicateChoice }[]) =>
  api<Import>(`${importPath(id)}/commit`, { method: 'POST', body: { choices } });

export const undoImport = (id: string) => api<Import>(`${importPath(id)}/undo`, { method: 'POST' });
