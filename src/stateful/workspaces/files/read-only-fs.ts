/**
 * A read-only view of a tree, for a sandbox's `readOnly` mount (docs: /features/workspaces,
 * mounts `readOnly`). Reads pass through; every write fails as on a read-only mount in Linux:
 * `EROFS: read-only file system`, which the shell's commands print and exit non-zero on.
 */
import type { CpOptions, FileContent, InMemoryFs, MkdirOptions, RmOptions } from "just-bash";
import { ForwardingFs, type WriteOptions } from "./forwarding-fs.ts";

export class ReadOnlyFs extends ForwardingFs {
  /** `shownAt`: where the view is mounted, so that messages name the path a command used. */
  constructor(
    target: () => InMemoryFs,
    private readonly shownAt = "",
  ) {
    super(target);
  }

  override writeFile(path: string, _content: FileContent, _options?: WriteOptions): Promise<void> {
    return this.#refuse("write", path);
  }
  override appendFile(path: string, _content: FileContent, _options?: WriteOptions): Promise<void> {
    return this.#refuse("append", path);
  }
  override mkdir(path: string, _options?: MkdirOptions): Promise<void> {
    return this.#refuse("mkdir", path);
  }
  override rm(path: string, _options?: RmOptions): Promise<void> {
    return this.#refuse("rm", path);
  }
  override cp(_src: string, dest: string, _options?: CpOptions): Promise<void> {
    return this.#refuse("cp", dest);
  }
  override mv(src: string, _dest: string): Promise<void> {
    return this.#refuse("mv", src);
  }
  override chmod(path: string, _mode: number): Promise<void> {
    return this.#refuse("chmod", path);
  }
  override symlink(_target: string, linkPath: string): Promise<void> {
    return this.#refuse("symlink", linkPath);
  }
  override link(_existingPath: string, newPath: string): Promise<void> {
    return this.#refuse("link", newPath);
  }
  override utimes(path: string, _atime: Date, _mtime: Date): Promise<void> {
    return this.#refuse("utimes", path);
  }

  #refuse(operation: string, path: string): Promise<never> {
    return Promise.reject(new Error(`EROFS: read-only file system, ${operation} '${this.shownAt}${path}'`));
  }
}
