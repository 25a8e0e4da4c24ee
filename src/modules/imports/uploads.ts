import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, extname, join } from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as NodeReadableStream } from 'node:stream/web';

export interface Upload {
  readonly id: string;
  readonly path: string;
  /** The file name the user knows (reports name it; its extension says XLSX or text). */
  readonly name: string;
  readonly size: number;
  readonly ownerId: number;
  readonly createdAt: number;
}

export class UploadTooLarge extends Error {}

/** Upload path under /api, exempt from the JSON body limit: it streams to disk under its own limit. */
export const UPLOAD_ROUTE = '/imports/uploads';

/** Uploads and the jobs that read them live in this process for this long, then their files are removed. */
export const UPLOAD_TTL_MS = 2 * 60 * 60 * 1000;

const directory = join(tmpdir(), 'stratum-uploads');
const uploads = new Map<string, Upload>();

/**
 * Streams a request body to a temporary file, counting bytes: past `limit` the write stops, the partial file is
 * removed and UploadTooLarge is thrown. The body is never held in memory whole.
 */
export async function saveUpload(
  body: ReadableStream<Uint8Array>,
  name: string,
  ownerId: number,
  limit: number,
): Promise<Upload> {
  forgetExpired();
  await mkdir(directory, { recursive: true });
  const id = randomUUID();
  const path = join(directory, `${id}${extname(name).toLowerCase()}`);
  let size = 0;
  const counter = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      size += chunk.length;
      done(size > limit ? new UploadTooLarge() : null, chunk);
    },
  });
  try {
    await pipeline(
      Readable.fromWeb(body as NodeReadableStream<Uint8Array>),
      counter,
      createWriteStream(path),
    );
  } catch (error) {
    await rm(path, { force: true });
    throw error;
  }
  const upload = { id, path, name: basename(name), size, ownerId, createdAt: Date.now() };
  uploads.set(id, upload);
  return upload;
}

/** An upload of this user (an admin may use anyone's); undefined when unknown, expired or someone else's. */
export function findUpload(id: string, actor: { id: number; role: string }): Upload | undefined {
  const upload = uploads.get(id);
  if (!upload || (upload.ownerId !== actor.id && actor.role !== 'admin')) return undefined;
  return upload;
}

function forgetExpired(): void {
  const cutoff = Date.now() - UPLOAD_TTL_MS;
  for (const [id, upload] of uploads) {
    if (upload.createdAt >= cutoff) continue;
    uploads.delete(id);
    void rm(upload.path, { force: true });
  }
}
