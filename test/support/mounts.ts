/** Small real file systems for tests of disk-full and read-only folders: tmpfs mounts, as root (CI runs as root). */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

export class Mounts {
  private readonly mounted: string[] = [];
  /** False where this user may not mount: the tests that need a mount are skipped there. */
  readonly available: boolean;

  constructor(private readonly root: string) {
    this.available = process.getuid?.() === 0 && this.tmpfs('probe', 'size=64k') !== null;
  }

  /** A tmpfs at root/name with mount options such as `size=128k` or `ro,size=64k`; null if it cannot be mounted. */
  tmpfs(name: string, options: string): string | null {
    const at = path.join(this.root, name);
    fs.mkdirSync(at);
    if (spawnSync('mount', ['-t', 'tmpfs', '-o', options, 'tmpfs', at]).status !== 0) return null;
    this.mounted.push(at);
    return at;
  }

  unmountAll(): void {
    for (const at of this.mounted.splice(0)) spawnSync('umount', [at]);
  }
}
