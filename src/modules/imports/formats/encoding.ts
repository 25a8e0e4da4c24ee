/** The encodings a Chinese or English spreadsheet export arrives in; iconv-lite decodes each as a stream. */
export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030';

export const textEncodings: readonly TextEncoding[] = ['utf-8', 'utf-16le', 'utf-16be', 'gb18030'];

export interface DetectedEncoding {
  readonly encoding: TextEncoding;
  /** Bytes of byte-order mark to skip. */
  readonly bomLength: number;
}

/**
 * BOM first; then UTF-16 without BOM (every other byte zero in ASCII-heavy text); then UTF-8 if the sample is valid
 * UTF-8; otherwise GB18030, the superset of GBK and GB2312 that Chinese Excel writes as "ANSI".
 */
export function detectEncoding(sample: Uint8Array): DetectedEncoding {
  if (sample[0] === 0xef && sample[1] === 0xbb && sample[2] === 0xbf)
    return { encoding: 'utf-8', bomLength: 3 };
  if (sample[0] === 0xff && sample[1] === 0xfe) return { encoding: 'utf-16le', bomLength: 2 };
  if (sample[0] === 0xfe && sample[1] === 0xff) return { encoding: 'utf-16be', bomLength: 2 };
  const zeros = zeroBytesByParity(sample);
  const half = Math.floor(sample.length / 2);
  if (half > 0 && zeros.odd > half * 0.3 && zeros.even === 0) return { encoding: 'utf-16le', bomLength: 0 };
  if (half > 0 && zeros.even > half * 0.3 && zeros.odd === 0) return { encoding: 'utf-16be', bomLength: 0 };
  return { encoding: isValidUtf8(sample) ? 'utf-8' : 'gb18030', bomLength: 0 };
}

function zeroBytesByParity(sample: Uint8Array): { even: number; odd: number } {
  let even = 0;
  let odd = 0;
  for (let i = 0; i < sample.length; i++) {
    if (sample[i] === 0) {
      if (i % 2 === 0) even++;
      else odd++;
    }
  }
  return { even, odd };
}

/** A sample cut in the middle of a multi-byte sequence is still valid: in stream mode the tail is not judged. */
export function isValidUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes, { stream: true });
    return true;
  } catch {
    return false;
  }
}
