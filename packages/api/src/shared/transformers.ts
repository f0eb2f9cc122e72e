import type { ValueTransformer } from 'typeorm';

/** BIGINT money columns come back from mysql2 as strings; they are safe integers here. */
export const bigintNumber: ValueTransformer = {
  to: (value: number | null | undefined) => value,
  from: (value: string | number | null) => (value === null ? null : Number(value)),
};

/** SQLite returns booleans as 0/1; MySQL TINYINT too. */
export const booleanNumber: ValueTransformer = {
  to: (value: boolean | null | undefined) => value,
  from: (value: number | boolean | null) => (value === null ? null : Boolean(value)),
};
