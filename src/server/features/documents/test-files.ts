import { strToU8, zipSync } from 'fflate';

const CONTENT_TYPES = strToU8(
  '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
);

const office = (part: string) =>
  Buffer.from(zipSync({ '[Content_Types].xml': CONTENT_TYPES, [part]: strToU8('<x/>') }));

/** Small files of every kind a document may be, and of kinds it may not (tests only). */
export const TEST_FILES = {
  pdf: Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n'),
  docx: office('word/document.xml'),
  xlsx: office('xl/workbook.xml'),
  pptx: office('ppt/presentation.xml'),
  png: Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    Buffer.alloc(32, 1),
  ]),
  jpeg: Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(32, 2)]),
  txt: Buffer.from('Reading list\nقائمة القراءة\n1. NATO Handbook\n'),
  /** A ZIP that is no Office document. */
  zip: Buffer.from(zipSync({ 'notes.txt': strToU8('hello') })),
  /** The start of a Windows executable. */
  exe: Buffer.concat([Buffer.from('MZ'), Buffer.alloc(64, 0)]),
};
