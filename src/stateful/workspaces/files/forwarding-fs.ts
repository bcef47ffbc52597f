/**
 * A filesystem that passes every call to whichever in-memory filesystem a tree holds now. Sandboxes
 * mount this rather than the tree's filesystem itself, so that a tree whose contents are replaced
 * wholesale (FileTree.replaceWith: state documents, seeded files) is what every mount then shows.
 */
import type { CpOptions, FileContent, FsStat, IFileSystem, InMemoryFs, MkdirOptions, RmOptions } from "just-bash";

export type ReadOptions = Parameters<IFileSystem["readFile"]>[1];
export type WriteOptions = Parameters<IFileSystem["writeFile"]>[2];
type Dirents = Awaited<ReturnType<InMemoryFs["readdirWithFileTypes"]>>;
type Bytes = Awaited<ReturnType<InMemoryFs["readFileBytes"]>>;

export class ForwardingFs implements IFileSystem {
  constructor(protected readonly target: () => InMemoryFs) {}

  readFile(path: string, options?: ReadOptions): Promise<string> {
    return this.target().readFile(path, options);
  }
  readFileBytes(path: string): Promise<Bytes> {
    return this.target().readFileBytes(path);
  }
  readFileBuffer(path: string): Promise<Uint8Array> {
    return this.target().readFileBuffer(path);
  }
  exists(path: string): Promise<boolean> {
    return this.target().exists(path);
  }
  stat(path: string): Promise<FsStat> {
    return this.target().stat(path);
  }
  lstat(path: string): Promise<FsStat> {
    return this.target().lstat(path);
  }
  readdir(path: string): Promise<string[]> {
    return this.target().readdir(path);
  }
  readdirWithFileTypes(path: string): Promise<Dirents> {
    return this.target().readdirWithFileTypes(path);
  }
  resolvePath(base: string, path: string): string {
    return this.target().resolvePath(base, path);
  }
  getAllPaths(): string[] {
    return this.target().getAllPaths();
  }
  readlink(path: string): Promise<string> {
    return this.target().readlink(path);
  }
  realpath(path: string): Promise<string> {
    return this.target().realpath(path);
  }
  writeFile(path: string, content: FileContent, options?: WriteOptions): Promise<void> {
    return this.target().writeFile(path, content, options);
  }
  appendFile(path: string, content: FileContent, options?: WriteOptions): Promise<void> {
    return this.target().appendFile(path, content, options);
  }
  mkdir(path: string, options?: MkdirOptions): Promise<void> {
    return this.target().mkdir(path, options);
  }
  rm(path: string, options?: RmOptions): Promise<void> {
    return this.target().rm(path, options);
  }
  cp(src: string, dest: string, options?: CpOptions): Promise<void> {
    return this.target().cp(src, dest, options);
  }
  mv(src: string, dest: string): Promise<void> {
    return this.target().mv(src, dest);
  }
  chmod(path: string, mode: number): Promise<void> {
    return this.target().chmod(path, mode);
  }
  symlink(target: string, linkPath: string): Promise<void> {
    return this.target().symlink(target, linkPath);
  }
  link(existingPath: string, newPath: string): Promise<void> {
    return this.target().link(existingPath, newPath);
  }
  utimes(path: string, atime: Date, mtime: Date): Promise<void> {
    return this.target().utimes(path, atime, mtime);
  }
}
