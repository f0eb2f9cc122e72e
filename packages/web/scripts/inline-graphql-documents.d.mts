import type { Plugin } from 'vite';

/** See inline-graphql-documents.mjs. */
export declare function inlineGraphqlDocuments(options?: { generated?: string }): Plugin;
export default inlineGraphqlDocuments;
