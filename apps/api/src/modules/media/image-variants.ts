import sharp from 'sharp';
import type { StoredVariant } from '../../db/schema';

/** Widths of the responsive WebP renditions; only those narrower than the original are made. */
export const variantWidths = [320, 640, 960, 1280, 1920] as const;
/** The largest rendition (the full-size WebP) is capped here. */
const maxVariantWidth = 2560;
/** Refuse decompression bombs: 100 megapixels is far beyond any photo a site needs. */
const maxInputPixels = 100_000_000;

export class ImageUnreadable extends Error {}

export interface ProcessedImage {
  width: number;
  height: number;
  variants: (StoredVariant & { tempPath: string })[];
}

/**
 * Reads an uploaded raster image (which fully decodes it: a file with a valid signature but broken
 * data fails here) and writes WebP renditions to temporary files. `nameFor(width)` gives each
 * rendition's stored name, `tempPathFor()` where to write it. On failure, whatever was written is
 * returned to the caller for clean-up through `written`.
 */
export async function processImage(
  input: string,
  options: {
    animated: boolean;
    nameFor(width: number): string;
    tempPathFor(): Promise<string>;
    written: string[];
  },
): Promise<ProcessedImage> {
  let width: number;
  let height: number;
  try {
    const metadata = await sharp(input, {
      animated: options.animated,
      limitInputPixels: maxInputPixels,
    }).metadata();
    // EXIF orientation: a portrait photo taken sideways is reported with its displayed size.
    width = metadata.autoOrient?.width ?? metadata.width;
    height = metadata.autoOrient?.height ?? metadata.pageHeight ?? metadata.height;
    if (options.animated && metadata.pageHeight) height = metadata.pageHeight;
    if (!width || !height) throw new ImageUnreadable('The image has no dimensions.');
  } catch (error) {
    if (error instanceof ImageUnreadable) throw error;
    throw new ImageUnreadable(error instanceof Error ? error.message : String(error));
  }
  const full = Math.min(width, maxVariantWidth);
  const widths = [...new Set([...variantWidths.filter((w) => w < full), full])];
  const variants: ProcessedImage['variants'] = [];
  try {
    for (const target of widths) {
      const tempPath = await options.tempPathFor();
      options.written.push(tempPath);
      const info = await sharp(input, { animated: options.animated, limitInputPixels: maxInputPixels })
        .autoOrient()
        .resize({ width: target, withoutEnlargement: true })
        .webp({ quality: 80 })
        .toFile(tempPath);
      variants.push({
        width: info.width,
        height: options.animated && info.pageHeight ? info.pageHeight : info.height,
        storedName: options.nameFor(target),
        mimeType: 'image/webp',
        size: info.size,
        tempPath,
      });
    }
  } catch (error) {
    throw new ImageUnreadable(error instanceof Error ? error.message : String(error));
  }
  return { width, height, variants };
}
