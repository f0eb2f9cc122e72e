import { writeFileSync } from 'node:fs';
import { printSchemaFile, SCHEMA_FILE } from '../schema-file.js';

// Writes packages/api/schema.graphql, which is committed and read by the web's codegen.
writeFileSync(SCHEMA_FILE, await printSchemaFile());
console.log(`wrote ${SCHEMA_FILE}`);
