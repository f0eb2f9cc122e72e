import { Initial1764000000000 } from './1764000000000-initial.js';
import { Software1764100000000 } from './1764100000000-software.js';
import { Support1764200000000 } from './1764200000000-support.js';
import { Hardening1764300000000 } from './1764300000000-hardening.js';
import { LineDeliveries1764400000000 } from './1764400000000-line-deliveries.js';
import { Webhooks1764500000000 } from './1764500000000-webhooks.js';
import { CustomerSearch1764600000000 } from './1764600000000-customer-search.js';
import { CodesAsData1764610000000 } from './1764610000000-codes-as-data.js';

/** Every migration, in order. Applied at start on MySQL and on the embedded database. */
export const migrations = [
  Initial1764000000000,
  Software1764100000000,
  Support1764200000000,
  Hardening1764300000000,
  LineDeliveries1764400000000,
  Webhooks1764500000000,
  CustomerSearch1764600000000,
  CodesAsData1764610000000,
];
