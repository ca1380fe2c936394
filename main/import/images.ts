import { deflateSync } from 'node:zlib';
import UTIF from 'utif2';
import { GalleyError } from '../../app/errors.js';

/** A page's scan as the library keeps it: what a browser draws (JPEG or PNG) and its size in pixels. */
export interface ScanImage {
  file: string;
  mime: 'image/jpeg' | 'image/png';
  width: number;
  height: number;
  bytes: Uint8Array;
}

/** Scans larger than this are refused from their size alone (the page's text is still imported). */
export const MAX_IMAGE_BYTES = 64 * 1024 * 1024;
/** A scan of more pixels than this would take gigabytes to decode and draw (an A2 page at 600 dpi is some 35). */
export const MAX_IMAGE_PIXELS = 60_000_000;

const refuse = (file: string, why: string) => new GalleyError('BAD_INPUT', `scan ${file} not stored: ${why}`);

export function imageTooLarge(file: string, bytes: number): GalleyError {
  return refuse(file, `it is ${(bytes / 1024 / 1024).toFixed(1)} MB; a scan may be at most ${MAX_IMAGE_BYTES / 1024 / 1024} MB`);
}

/**
 * A scan's bytes as stored: JPEG and PNG as they are, TIFF decoded to PNG (browsers draw no TIFF).
 * Refused with the reason: too many bytes or pixels, JPEG 2000, anything else that is no image.
 */
export function scanImage(file: string, bytes: Uint8Array): ScanImage {
  if (bytes.length > MAX_IMAGE_BYTES) throw imageTooLarge(file, bytes.length);
  const kind = kindOf(bytes);
  if (kind === 'jp2') throw refuse(file, 'JPEG 2000 is not supported; convert the scan to JPEG, PNG or TIFF');
  if (kind === null) throw refuse(file, 'it is not a JPEG, PNG or TIFF image');
  const size = kind === 'jpeg' ? jpegSize(bytes) : kind === 'png' ? pngSize(bytes) : null;
  if (kind !== 'tiff') {
    if (!size) throw refuse(file, `its ${kind.toUpperCase()} header is broken`);
    checkPixels(file, size.width, size.height);
    return { file, mime: kind === 'jpeg' ? 'image/jpeg' : 'image/png', ...size, bytes };
  }
  return tiffToPng(file, bytes);
}

function checkPixels(file: string, width: number, height: number): void {
  if (width * height > MAX_IMAGE_PIXELS) {
    throw refuse(file, `it is ${width} × ${height} pixels (${((width * height) / 1e6).toFixed(1)} megapixels); a scan may have at most ${MAX_IMAGE_PIXELS / 1e6}`);
  }
}

type Kind = 'jpeg' | 'png' | 'tiff' | 'jp2';

function kindOf(b: Uint8Array): Kind | null {
  const starts = (...sig: number[]) => sig.every((v, i) => b[i] === v);
  if (starts(0xff, 0xd8, 0xff)) return 'jpeg';
  if (starts(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return 'png';
  if (starts(0x49, 0x49, 0x2a, 0x00) || starts(0x4d, 0x4d, 0x00, 0x2a)) return 'tiff';
  // the JP2 box signature, or a bare codestream
  if (starts(0x00, 0x00, 0x00, 0x0c, 0x6a, 0x50, 0x20, 0x20) || starts(0xff, 0x4f, 0xff, 0x51)) return 'jp2';
  return null;
}

/** The frame size from a JPEG's first start-of-frame marker. */
function jpegSize(b: Uint8Array): { width: number; height: number } | null {
  let at = 2;
  while (at + 9 < b.length) {
    if (b[at] !== 0xff) return null;
    const marker = b[at + 1]!;
    if (marker === 0xff) {
      at++;
      continue;
    }
    const length = (b[at + 2]! << 8) | b[at + 3]!;
    // SOF0–SOF15 except DHT (C4), JPG (C8) and DAC (CC)
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      const height = (b[at + 5]! << 8) | b[at + 6]!;
      const width = (b[at + 7]! << 8) | b[at + 8]!;
      return width > 0 && height > 0 ? { width, height } : null;
    }
    at += 2 + length;
  }
  return null;
}

function pngSize(b: Uint8Array): { width: number; height: number } | null {
  if (b.length < 24) return null;
  const view = new DataView(b.buffer, b.byteOffset, b.length);
  const width = view.getUint32(16);
  const height = view.getUint32(20);
  return width > 0 && height > 0 ? { width, height } : null;
}

/** The first image of a TIFF as PNG: its size is checked before a pixel is decoded. */
function tiffToPng(file: string, bytes: Uint8Array): ScanImage {
  const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length) as ArrayBuffer;
  let ifd: UTIF.IFD | undefined;
  try {
    ifd = UTIF.decode(buffer)[0];
  } catch (err) {
    throw refuse(file, `the TIFF is broken (${err instanceof Error ? err.message : String(err)})`);
  }
  const width = Number(firstOf(ifd?.t256));
  const height = Number(firstOf(ifd?.t257));
  if (!ifd || !(width > 0) || !(height > 0)) throw refuse(file, 'the TIFF holds no image');
  checkPixels(file, width, height);
  let rgba: Uint8Array;
  try {
    UTIF.decodeImage(buffer, ifd);
    rgba = UTIF.toRGBA8(ifd);
  } catch (err) {
    throw refuse(file, `the TIFF could not be decoded (${err instanceof Error ? err.message : String(err)})`);
  }
  if (rgba.length < width * height * 4) throw refuse(file, 'the TIFF could not be decoded (its pixels are incomplete)');
  return { file, mime: 'image/png', width, height, bytes: encodePng(rgba, width, height) };
}

function firstOf(tag: UTIF.IFD[string] | undefined): unknown {
  return Array.isArray(tag) ? tag[0] : tag;
}

/**
 * A PNG of RGBA pixels: grey (one byte a pixel) when every pixel is an opaque grey, as most
 * newspaper scans are, else RGBA.
 */
export function encodePng(rgba: Uint8Array, width: number, height: number): Uint8Array {
  let grey = true;
  for (let i = 0; i < width * height * 4 && grey; i += 4) grey = rgba[i] === rgba[i + 1] && rgba[i] === rgba[i + 2] && rgba[i + 3] === 255;
  const channels = grey ? 1 : 4;
  const row = width * channels + 1;
  const raw = new Uint8Array(row * height);
  for (let y = 0; y < height; y++) {
    // filter type 0 (none) leads each row
    const at = y * row + 1;
    if (grey) for (let x = 0; x < width; x++) raw[at + x] = rgba[(y * width + x) * 4]!;
    else raw.set(rgba.subarray(y * width * 4, (y + 1) * width * 4), at);
  }
  const header = new Uint8Array(13);
  const view = new DataView(header.buffer);
  view.setUint32(0, width);
  view.setUint32(4, height);
  header[8] = 8;
  header[9] = grey ? 0 : 6;
  const chunks = [chunk('IHDR', header), chunk('IDAT', deflateSync(raw, { level: 6 })), chunk('IEND', new Uint8Array())];
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), ...chunks]);
}

function chunk(type: string, data: Uint8Array): Buffer {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'latin1');
  out.set(data, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
