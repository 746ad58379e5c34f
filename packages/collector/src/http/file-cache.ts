import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';

/** A build file as served: its bytes and their ETag. */
export interface CachedFile {
  body: Buffer;
  etag: string;
}

/** Reads the files of a build directory, keeping them in memory until they change on disk. */
export type FileCache = (dir: string, file: string, missing: () => Error) => Promise<CachedFile>;

/** Creates a FileCache; a file that cannot be read throws `missing()`. */
export function createFileCache(): FileCache {
  const cache = new Map<string, CachedFile & { mtimeMs: number }>();
  return async (dir, file, missing) => {
    const path = join(dir, file);
    let info: Awaited<ReturnType<typeof stat>>;
    try {
      info = await stat(path);
    } catch {
      throw missing();
    }
    let entry = cache.get(path);
    if (!entry || entry.mtimeMs !== info.mtimeMs) {
      const body = await readFile(path);
      entry = { mtimeMs: info.mtimeMs, body, etag: `"${createHash('sha1').update(body).digest('base64url')}"` };
      cache.set(path, entry);
    }
    return entry;
  };
}
