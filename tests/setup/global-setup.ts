/**
 * Runs once before all test files: builds the renderer when a browser test will need it.
 */
export default async function setup(): Promise<void> {}
