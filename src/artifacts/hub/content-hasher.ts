/**
 * Hashes computed while a download streams. LFS files are checked by the
 * SHA-256 the hub reports; regular files only have a git blob id, which is
 * SHA-1 over `blob <size>\0` followed by the content, so that is computed too.
 */
import { createHash, type Hash } from 'node:crypto';
import { createReadStream } from 'node:fs';

/** Final hashes of a stream. */
export interface ContentDigest {
  sha256: string;
  /** Git blob id, present when it was asked for. */
  gitBlobId: string | undefined;
  bytes: number;
}

/** SHA-256 and (optionally) git blob SHA-1 of a stream of chunks. */
export class ContentHasher {
  private readonly sha256: Hash = createHash('sha256');
  private readonly git: Hash | undefined;
  private bytes = 0;

  /** `declaredSize` goes into the git header, so it must be the size the hub announced. */
  constructor(declaredSize: number, withGitBlobId: boolean) {
    this.git = withGitBlobId ? createHash('sha1').update(`blob ${declaredSize}\0`) : undefined;
  }

  update(chunk: Uint8Array): void {
    this.sha256.update(chunk);
    this.git?.update(chunk);
    this.bytes += chunk.byteLength;
  }

  /** Feed the bytes already on disk (the part of a download being resumed). */
  async updateFromFile(path: string): Promise<void> {
    for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) this.update(chunk as Buffer);
  }

  digest(): ContentDigest {
    return { sha256: this.sha256.digest('hex'), gitBlobId: this.git?.digest('hex'), bytes: this.bytes };
  }
}
