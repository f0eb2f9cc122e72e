import type { Plugin } from 'vite';

/** See icu-catalogs.mjs. */
export declare function icuCatalogs(): Plugin[];
