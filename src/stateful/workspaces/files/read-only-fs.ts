/**
 * A read-only view of a filesystem, for a sandbox's `readOnly` mount (docs: /features/workspaces,
 * mounts `readOnly`). Reads pass through; every write fails as on a read-only mount in Linux:
 * `EROFS: read-only file system`, which the shell's commands print and exit non-zero on.
 */
import type { CpOptions, FileContent, FsStat, IFileSystem, MkdirOptions, RmOptions } from "just-bash";

type ReadOptions = Parameters<IFileSystem["readFile"]>[1];
type WriteOptions = Parameters<IFileSystem["writeFile"]>[2];

export class ReadOnlyFs implements IFileSystem {
  /** `shownAt`: where the view is mounted, so that messages name the path a command used. */
  constructor(
    private readonly inner: IFileSystem,
    private readonly shownAt = "",
  ) {}

  readFile(path: string, options?: ReadOptions): Promise<string> {
    return this.inner.readFile(path, options);
  }
  readFileBuffer(path: string): Promise<Uint8Array> {
    return this.inner.readFileBuffer(path);
  }
  exists(path: string): Promise<boolean> {
    return this.inner.exists(path);
  }
  stat(path: string): Promise<FsStat> {
    return this.inner.stat(path);
  }
  lstat(path: string): Promise<FsStat> {
    return this.inner.lstat(path);
  }
  readdir(path: string): Promise<string[]> {
    return this.inner.readdir(path);
  }
  resolvePath(base: string, path: string): string {
    return this.inner.resolvePath(base, path);
  }
  getAllPaths(): string[] {
    return this.inner.getAllPaths();
  }
  readlink(path: string): Promise<string> {
    return this.inner.readlink(path);
  }
  realpath(path: string): Promise<string> {
    return this.inner.realpath(path);
  }

  writeFile(path: string, _content: FileContent, _options?: WriteOptions): Promise<void> {
    return refuse("write", this.shownAt + path);
  }
  appendFile(path: string, _content: FileContent, _options?: WriteOptions): Promise<void> {
    return refuse("append", this.shownAt + path);
  }
  mkdir(path: string, _options?: MkdirOptions): Promise<void> {
    return refuse("mkdir", this.shownAt + path);
  }
  rm(path: string, _options?: RmOptions): Promise<void> {
    return refuse("rm", this.shownAt + path);
  }
  cp(_src: string, dest: string, _options?: CpOptions): Promise<void> {
    return refuse("cp", this.shownAt + dest);
  }
  mv(src: string, _dest: string): Promise<void> {
    return refuse("mv", this.shownAt + src);
  }
  chmod(path: string, _mode: number): Promise<void> {
    return refuse("chmod", this.shownAt + path);
  }
  symlink(_target: string, linkPath: string): Promise<void> {
    return refuse("symlink", this.shownAt + linkPath);
  }
  link(_existingPath: string, newPath: string): Promise<void> {
    return refuse("link", this.shownAt + newPath);
  }
  utimes(path: string, _atime: Date, _mtime: Date): Promise<void> {
    return refuse("utimes", this.shownAt + path);
  }
}

function refuse(operation: string, path: string): Promise<never> {
  return Promise.reject(new Error(`EROFS: read-only file system, ${operation} '${path}'`));
}
