import { open } from 'node:fs/promises';
import type { MediaKind } from '@swigs/schema';
import { fileTypeFromBuffer } from 'file-type';
import { looksLikeSvg } from './svg-sanitize';

/** What an upload turned out to be, from its content. */
export interface DetectedType {
  kind: MediaKind;
  mimeType: string;
  extension: string;
  /** Raster images get dimensions and WebP variants. */
  raster: boolean;
  svg: boolean;
}

const raster: Record<string, string> = {
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/webp': 'webp',
  'image/avif': 'avif',
  'image/gif': 'gif',
};

const documents: Record<string, string> = {
  'application/pdf': 'pdf',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'docx',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'xlsx',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': 'pptx',
  'application/vnd.oasis.opendocument.text': 'odt',
  'application/vnd.oasis.opendocument.spreadsheet': 'ods',
  'application/vnd.oasis.opendocument.presentation': 'odp',
};

/**
 * Legacy Office files (.doc, .xls, .ppt) share one container format (CFB) with other things
 * (installers, for one). The content proves it is a CFB file; only then does the name's
 * extension say which of the three Office types it is — anything else in a CFB is refused.
 */
const legacyOffice: Record<string, string> = {
  doc: 'application/msword',
  xls: 'application/vnd.ms-excel',
  ppt: 'application/vnd.ms-powerpoint',
};

export const acceptedTypesDescription =
  'images (JPEG, PNG, WebP, AVIF, GIF, SVG) and documents (PDF, Word, Excel, PowerPoint, OpenDocument)';

/** Enough bytes for every signature file-type checks and for spotting an SVG root element. */
const headBytes = 64 * 1024;

async function readHead(file: string): Promise<Buffer> {
  const handle = await open(file, 'r');
  try {
    const buffer = Buffer.alloc(headBytes);
    const { bytesRead } = await handle.read(buffer, 0, headBytes, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

/**
 * Identifies a stored upload by its magic bytes (never by its name or the MIME type the client
 * sent). SVG, being text, is recognised by its root element here and fully checked later by the
 * sanitiser. Returns undefined for anything not accepted.
 */
export async function detectType(file: string, originalName: string): Promise<DetectedType | undefined> {
  const head = await readHead(file);
  const sniffed = await fileTypeFromBuffer(head);
  if (sniffed) {
    const image = raster[sniffed.mime];
    if (image) return { kind: 'image', mimeType: sniffed.mime, extension: image, raster: true, svg: false };
    const document = documents[sniffed.mime];
    if (document)
      return { kind: 'document', mimeType: sniffed.mime, extension: document, raster: false, svg: false };
    if (sniffed.mime === 'application/x-cfb') {
      const extension = /\.([a-z]+)$/i.exec(originalName)?.[1]?.toLowerCase() ?? '';
      const mimeType = legacyOffice[extension];
      if (mimeType) return { kind: 'document', mimeType, extension, raster: false, svg: false };
    }
    return undefined;
  }
  if (looksLikeSvg(head.toString('utf8'))) {
    return { kind: 'image', mimeType: 'image/svg+xml', extension: 'svg', raster: false, svg: true };
  }
  return undefined;
}
