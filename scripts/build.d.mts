export function buildRenderer(options?: { outDir?: string; quiet?: boolean }): Promise<string>;
export function buildNode(): Promise<void>;
export function buildAll(): Promise<void>;
