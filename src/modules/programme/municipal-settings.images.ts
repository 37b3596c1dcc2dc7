/** Image types the programme accepts from staff (photos of the sticker, logos). */
export type ImageType = 'image/png' | 'image/jpeg';

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/**
 * The type of an image by its first bytes (never by what the client says): PNG's 8-byte signature
 * or JPEG's SOI marker followed by another marker. Anything else (SVG, GIF, a renamed file) is refused.
 */
export function imageTypeOf(bytes: Buffer): ImageType | undefined {
  if (bytes.length >= 8 && bytes.subarray(0, 8).equals(PNG_SIGNATURE)) return 'image/png';
  if (bytes.length >= 4 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  return undefined;
}

/** Decodes a base64 upload (a data: URL prefix is allowed) and checks type and size. */
export function decodeImage(base64: string, maxBytes: number): { bytes: Buffer; type: ImageType } | undefined {
  const data = base64.replace(/^data:[\w/+.-]+;base64,/, '');
  if (!/^[A-Za-z0-9+/=\s_-]*$/.test(data)) return undefined;
  const bytes = Buffer.from(data, 'base64');
  if (bytes.length === 0 || bytes.length > maxBytes) return undefined;
  const type = imageTypeOf(bytes);
  return type ? { bytes, type } : undefined;
}

/** The relative luminance of an sRGB colour (#rrggbb), as WCAG 2 defines it. */
export function relativeLuminance(hex: string): number {
  const channel = (offset: number) => {
    const value = parseInt(hex.slice(offset, offset + 2), 16) / 255;
    return value <= 0.03928 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
}

/** The WCAG contrast ratio of a colour against white (1 to 21). */
export function contrastWithWhite(hex: string): number {
  return 1.05 / (relativeLuminance(hex) + 0.05);
}

/** Text and buttons need at least this against white (WCAG 2.2 AA, 1.4.3). */
export const MIN_CONTRAST = 4.5;
