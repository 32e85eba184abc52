import { unzipSync } from 'fflate';
import { DOCUMENT_TYPES, type DocumentMediaType } from '../../../contract/documents.js';

const PDF = Buffer.from('%PDF-');
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const JPEG = Buffer.from([0xff, 0xd8, 0xff]);
const ZIP = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

/** The part each Office Open XML format must hold, besides [Content_Types].xml. */
const OFFICE_PARTS: [string, DocumentMediaType][] = [
  ['word/document.xml', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
  ['xl/workbook.xml', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
  [
    'ppt/presentation.xml',
    'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  ],
];

const startsWith = (bytes: Uint8Array, signature: Buffer) =>
  bytes.length >= signature.length && signature.every((b, i) => bytes[i] === b);

/** The parts a ZIP archive lists, read from its central directory without inflating any. */
function zipEntryNames(bytes: Uint8Array): string[] | null {
  const names: string[] = [];
  try {
    unzipSync(bytes, {
      filter: (file) => {
        names.push(file.name);
        return false;
      },
    });
  } catch {
    return null;
  }
  return names;
}

function officeTypeOf(bytes: Uint8Array): DocumentMediaType | null {
  const names = zipEntryNames(bytes);
  if (!names?.includes('[Content_Types].xml')) return null;
  for (const [part, type] of OFFICE_PARTS) if (names.includes(part)) return type;
  return null;
}

/** Control characters a text file has no business holding (tab, line ends, form feed aside). */
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it finds
const BINARY_CONTROL = /[\u0000-\u0008\u000b\u000e-\u001f\u007f]/;

function isPlainText(bytes: Uint8Array): boolean {
  try {
    const decoded = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return !BINARY_CONTROL.test(decoded);
  } catch {
    return false;
  }
}

/**
 * The type of a file by its content: the signature of a PDF, PNG or JPEG; a ZIP archive that
 * holds an Office Open XML document (Word, Excel, PowerPoint); UTF-8 text without binary control
 * characters. Null for anything else (a bare ZIP, an executable, a legacy .doc...).
 */
export function detectDocumentType(bytes: Uint8Array): DocumentMediaType | null {
  if (startsWith(bytes, PDF)) return 'application/pdf';
  if (startsWith(bytes, PNG)) return 'image/png';
  if (startsWith(bytes, JPEG)) return 'image/jpeg';
  if (startsWith(bytes, ZIP)) return officeTypeOf(bytes);
  return isPlainText(bytes) ? 'text/plain' : null;
}

/** The lower-case ending of a file name, without its dot; '' when it has none. */
export function extensionOf(fileName: string): string {
  const dot = fileName.lastIndexOf('.');
  return dot <= 0 ? '' : fileName.slice(dot + 1).toLowerCase();
}

/** Whether a file name's ending is one the detected type goes with. */
export function nameFitsType(fileName: string, type: DocumentMediaType): boolean {
  return (DOCUMENT_TYPES[type] as readonly string[]).includes(extensionOf(fileName));
}
