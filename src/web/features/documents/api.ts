import { queryOptions } from '@tanstack/react-query';
import type { Document, DocumentList, DocumentUpload } from '../../../contract/index.js';
import { ApiError, api, currentCsrfToken, toProblem } from '../../lib/api.js';

export type DocumentOwnerKind = 'session' | 'activity';

const listPath = (owner: DocumentOwnerKind, code: string) =>
  `/api/v1/${owner === 'session' ? 'sessions' : 'activities'}/${encodeURIComponent(code)}/documents`;

export const documentKeys = {
  list: (owner: DocumentOwnerKind, code: string) => ['documents', owner, code] as const,
};

export const documentsQuery = (owner: DocumentOwnerKind, code: string) =>
  queryOptions({
    queryKey: documentKeys.list(owner, code),
    queryFn: ({ signal }) => api<DocumentList>(listPath(owner, code), { signal }),
  });

export const deleteDocument = (id: string) =>
  api<null>(`/api/v1/documents/${encodeURIComponent(id)}`, { method: 'DELETE' });

/** The file's bytes in base64, as the upload carries them. */
export async function fileToBase64(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  const chunk = 0x8000;
  for (let i = 0; i < bytes.length; i += chunk) {
    binary += String.fromCharCode(...bytes.subarray(i, i + chunk));
  }
  return btoa(binary);
}

/**
 * Uploads with XMLHttpRequest, the one browser API that reports an upload's progress;
 * `onProgress` receives the share sent (0 to 1). A refusal throws the server's problem.
 */
export function uploadDocument(
  owner: DocumentOwnerKind,
  code: string,
  body: DocumentUpload,
  onProgress: (share: number) => void,
): Promise<Document> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', listPath(owner, code));
    xhr.setRequestHeader('content-type', 'application/json');
    const token = currentCsrfToken();
    if (token) xhr.setRequestHeader('x-csrf-token', token);
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(event.loaded / event.total);
    };
    xhr.onload = () => {
      let parsed: unknown;
      try {
        parsed = JSON.parse(xhr.responseText);
      } catch {
        parsed = undefined;
      }
      if (xhr.status === 201) resolve(parsed as Document);
      else reject(new ApiError(toProblem(xhr.status, parsed), parsed));
    };
    xhr.onerror = () =>
      reject(
        new ApiError({ type: 'about:blank', title: '', status: 0, code: 'network', detail: '' }),
      );
    xhr.send(JSON.stringify(body));
  });
}
