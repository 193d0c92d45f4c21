/**
 * The shape of a numbered schema migration, apart from the runner (migrate.ts) so that the
 * migrations, which migrate.ts lists, need not import it back.
 */

/** One numbered schema change, written once per dialect. */
export interface Migration {
  /** 1, 2, 3 …: applied in this order, recorded in `schema_migrations`. */
  id: number;
  name: string;
  sqlite: string;
  postgres: string;
}
