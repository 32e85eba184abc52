import { z } from 'zod';
import { IsoDateTime, LocalizedText, Uuid } from './common.js';
import { text } from './text.js';

/** What a document is for; the centre's own words for course paperwork. */
export const DOCUMENT_KINDS = [
  'course-material',
  'reading-list',
  'agenda',
  'joining-instructions',
  'other',
] as const;
export const DocumentKind = z.enum(DOCUMENT_KINDS);
export type DocumentKind = z.infer<typeof DocumentKind>;

/**
 * Who may read a document besides centre staff: `staff` nobody else; `participants` the
 * session's selected participants; `nations` the NPOCs of the nations with a quota or a
 * nomination on the session (of the activity: on any of its sessions); `public` anyone, without
 * signing in.
 */
export const DOCUMENT_AUDIENCES = ['staff', 'participants', 'nations', 'public'] as const;
export const DocumentAudience = z.enum(DOCUMENT_AUDIENCES);
export type DocumentAudience = z.infer<typeof DocumentAudience>;

/**
 * The types a document may be, each recognised by its content (never by its name alone), with
 * the file-name endings that must go with it.
 */
export const DOCUMENT_TYPES = {
  'application/pdf': ['pdf'],
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': ['docx'],
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': ['xlsx'],
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': ['pptx'],
  'image/png': ['png'],
  'image/jpeg': ['jpg', 'jpeg'],
  'text/plain': ['txt'],
} as const satisfies Record<string, readonly string[]>;
export type DocumentMediaType = keyof typeof DOCUMENT_TYPES;

/** The default upload limit (RABITA_DOCUMENT_MAX_MB changes it). */
export const DOCUMENT_DEFAULT_MAX_BYTES = 25 * 1024 * 1024;

/** A file name as the uploader's computer gave it: no folders, no control characters. */
export const DocumentFileName = text()
  .trim()
  .min(1)
  .max(200)
  .regex(/^[^/\\\p{Cc}]+$/u, 'must be a file name without folders or control characters');

/** An upload: the file in base64 with what the centre says about it. */
export const DocumentUpload = z.strictObject({
  title: LocalizedText,
  kind: DocumentKind,
  audience: DocumentAudience,
  fileName: DocumentFileName,
  /** The file's bytes in base64 (standard alphabet, padding optional). */
  content: z
    .string()
    .max(48_000_000)
    .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'must be base64'),
});
export type DocumentUpload = z.infer<typeof DocumentUpload>;

export const Document = z
  .object({
    id: Uuid,
    owner: z.discriminatedUnion('kind', [
      z.object({ kind: z.literal('activity'), code: z.string() }),
      z.object({ kind: z.literal('session'), code: z.string() }),
    ]),
    title: LocalizedText,
    kind: DocumentKind,
    audience: DocumentAudience,
    fileName: z.string(),
    mediaType: z.string(),
    size: z.number().int(),
    sha256: z.string(),
    uploadedBy: z.string().nullable(),
    uploadedAt: IsoDateTime,
    /** Where to fetch the file: the signed-in route, or the public one for a public document. */
    downloadUrl: z.string(),
  })
  .meta({ id: 'Document' });
export type Document = z.infer<typeof Document>;

export const DocumentList = z.object({
  items: z.array(Document),
  /** Whether the reader may upload and delete here (the web shows the controls). */
  canManage: z.boolean(),
  /** The largest file accepted, in bytes. */
  maxBytes: z.number().int(),
});
export type DocumentList = z.infer<typeof DocumentList>;
