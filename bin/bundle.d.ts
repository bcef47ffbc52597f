/** Types of bin/bundle.js, for the TypeScript scripts that call it. */
export function bundleDir(env?: NodeJS.ProcessEnv): string;
export function freshBundle(dir?: string): Promise<string>;
export function bundleName(srcDir?: string): string;
export function buildBundle(outdir: string, metaUrlOf?: (sourcePath: string) => string): Promise<void>;
