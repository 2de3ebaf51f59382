export function buildRenderer(options?: { outDir?: string; quiet?: boolean }): Promise<string>;
/** One built JavaScript file of the portal: its path under the output folder, raw and gzip bytes. */
export interface PortalFile {
  file: string;
  bytes: number;
  gzip: number;
}
export function buildPortal(options?: {
  outDir?: string;
  quiet?: boolean;
}): Promise<{ outDir: string; files: PortalFile[] }>;
export function buildNode(): Promise<void>;
export function buildAll(): Promise<void>;
