// `npm run schema`: writes main/store/schema.sql from the migrations, after a new migration.
import { writeFileSync } from 'node:fs';
import { builtSchema, SCHEMA_SNAPSHOT } from '../tests/support/schema.js';

writeFileSync(SCHEMA_SNAPSHOT, builtSchema());
console.log(`wrote ${SCHEMA_SNAPSHOT.pathname}`);
