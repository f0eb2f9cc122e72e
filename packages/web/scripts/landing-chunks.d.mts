import type { Plugin } from 'vite';

/** See landing-chunks.mjs. */
export declare const LANDING_CHUNKS: { name: string; roots: string[] }[];
export declare function landingChunkOf(source: string): string | undefined;
export declare function surveyLandingChunks(webRoot: string, out: string): Plugin;
export declare function landingChunkGroups(surveyFile: string): {
  name: string;
  test: (id: string) => boolean;
  priority: number;
  includeDependenciesRecursively: boolean;
}[];
