import { ApiError, toProblem, withQuery } from './api.js';

type QueryValue = string | number | boolean | null | undefined;

/** The file name a response's Content-Disposition gives, or the fallback. */
export function attachmentName(header: string | null, fallback: string): string {
  const match = header?.match(/filename="([^"]+)"/);
  return match?.[1] ?? fallback;
}

/**
 * Downloads a file from the API and hands it to the browser as a download, telling `onProgress`
 * how many bytes have come so far. A refusal (a lost session, a filter the server refuses)
 * throws the server's problem, like any API call.
 */
export async function downloadFile(
  path: string,
  query: Record<string, QueryValue>,
  onProgress: (bytes: number) => void,
): Promise<void> {
  let response: Response;
  try {
    response = await fetch(withQuery(path, query), { credentials: 'same-origin' });
  } catch {
    throw new ApiError({ type: 'about:blank', title: '', status: 0, code: 'network', detail: '' });
  }
  if (!response.ok) {
    const body: unknown = await response.json().catch(() => undefined);
    throw new ApiError(toProblem(response.status, body), body);
  }
  const chunks: Uint8Array[] = [];
  let bytes = 0;
  const reader = response.body?.getReader();
  while (reader) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    bytes += value.byteLength;
    onProgress(bytes);
  }
  const blob = new Blob(chunks as BlobPart[], {
    type: response.headers.get('content-type') ?? '',
  });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = attachmentName(response.headers.get('content-disposition'), 'export');
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
