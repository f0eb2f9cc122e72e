import { Initial1764000000000 } from './1764000000000-initial.js';

/** Every migration, in order. Applied at start on MySQL and on the embedded database. */
export const migrations = [Initial1764000000000];
