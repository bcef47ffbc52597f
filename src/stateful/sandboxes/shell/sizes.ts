/**
 * Sizes of `resources.memory` and `resources.disk`: `<n>MB` or `<n>GB` (docs: "such as 1GB or
 * 4GB"; the ComputeSDK provider sends `"<n>MB"`, fidelity audit §4). Mock decision: binary units,
 * as the provider's `memoryMb`/`diskMiB` mean them (1MB = 2^20 bytes, 1GB = 2^30 bytes).
 */

/** The schema's pattern of a size: at most six digits, so the bytes stay a safe integer (under 2^53). */
export const SIZE_PATTERN = /^([1-9][0-9]{0,5})(MB|GB)$/;

/** Bytes of a size string; throws for a string the schema would have refused. */
export function sizeInBytes(size: string): number {
  const match = SIZE_PATTERN.exec(size);
  if (!match) throw new Error(`not a size: '${size}'`);
  return Number(match[1]) * (match[2] === "GB" ? 2 ** 30 : 2 ** 20);
}
