/**
 * Migration 7 (issue #17, the whole room): the in-app inbox, the members a group speaks for,
 * and a session's co-sponsorship deadline.
 *
 * - `notifications`: one row per user per thing that happened (a proposal tabled on a draft they
 *   sponsor, a decision on their proposal …), written by server/commands/notifier.ts in the same
 *   transaction as the record entry that caused it. Not a record: a user marks rows read, so
 *   `read_at` is the one column that changes. `payload` holds the kind's own fields (ids, the
 *   paragraph's name, a short summary), never text the inbox must not show.
 * - `group_members`: which delegations a group or regional organization speaks for (the European
 *   Union for its member States), so that a member's delegate is told it is not a sponsor by that.
 * - `sessions.cosponsor_deadline`: after it, joining a draft of the session as co-sponsor is
 *   refused (a draft may set its own in its record: `cosponsorship_deadline`).
 */
import type { Migration } from './migration';

/** Notifications, group members, the session's co-sponsorship deadline. */
export const notifications: Migration = {
  id: 7,
  name: 'notifications',
  sqlite: `
CREATE TABLE notifications (
  id TEXT PRIMARY KEY,
  user_id TEXT NOT NULL REFERENCES users (id),
  draft_id TEXT REFERENCES drafts (id),
  kind TEXT NOT NULL,
  payload TEXT NOT NULL CHECK (json_valid(payload)),
  at TEXT NOT NULL,
  read_at TEXT
) STRICT;
CREATE INDEX notifications_user_at_idx ON notifications (user_id, at, id);
CREATE INDEX notifications_unread_idx ON notifications (user_id) WHERE read_at IS NULL;
CREATE TABLE group_members (
  group_id TEXT NOT NULL REFERENCES delegations (id),
  member_id TEXT NOT NULL REFERENCES delegations (id),
  PRIMARY KEY (group_id, member_id),
  CHECK (group_id <> member_id)
) STRICT;
ALTER TABLE sessions ADD COLUMN cosponsor_deadline TEXT;
`,
  postgres: `
CREATE TABLE notifications (
  id text PRIMARY KEY,
  user_id text NOT NULL REFERENCES users (id),
  draft_id text REFERENCES drafts (id),
  kind text NOT NULL,
  payload jsonb NOT NULL,
  at timestamptz NOT NULL,
  read_at timestamptz
);
CREATE INDEX notifications_user_at_idx ON notifications (user_id, at, id);
CREATE INDEX notifications_unread_idx ON notifications (user_id) WHERE read_at IS NULL;
CREATE TABLE group_members (
  group_id text NOT NULL REFERENCES delegations (id),
  member_id text NOT NULL REFERENCES delegations (id),
  PRIMARY KEY (group_id, member_id),
  CHECK (group_id <> member_id)
);
ALTER TABLE sessions ADD COLUMN cosponsor_deadline timestamptz;
`,
};
