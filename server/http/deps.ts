/** What the HTTP routes need from the rest of the server. */
import type { Config } from '../config';
import type { Store } from '../storage/types';
import type { ReplaceWorkingText } from '../export/textImporter';
import type { ProposalText } from '../commands/proposalCommands';

/** The routes' dependencies, passed in once when the router is built. */
export interface ApiDeps {
  store: Store;
  config: Config;
  /** Tell open collaboration sockets that a draft's rights changed (a sponsor left, a freeze). */
  refreshAccess(draftId: string): Promise<void>;
  /** Close every collaboration socket of a user with the "access revoked" code (deactivation, new rights). */
  revokeUser?(userId: string): void;
  /** Close the collaboration sockets opened with these sign-ins or tokens (hashes), which just ended: a sign-out. */
  endSignIns?(hashes: string[]): void;
  /** Write a text into a draft's working text through its collaboration room (imports). */
  replaceWorkingText?: ReplaceWorkingText;
  /** Read a draft's live working text (its collaboration room's document, loaded if needed): proposals. */
  readWorkingDoc?: ProposalText['readWorkingDoc'];
  /** Apply an accepted proposal through the draft's room, as one change under the proposer. */
  applyProposal?: ProposalText['applyProposal'];
  /** The users connected to a draft's working text now (on this instance). */
  presentIn?(draftId: string): { userId: string; displayName: string; delegationId: string | null }[];
  /** Where faults are reported (the server log). */
  log(message: string, err?: unknown): void;
}

/** Refresh collaboration rights without failing the request that changed them: the change is
 * committed, and a socket that misses the refresh is re-checked at its next write. */
export async function refreshQuietly(deps: ApiDeps, draftId: string): Promise<void> {
  try {
    await deps.refreshAccess(draftId);
  } catch (err) {
    deps.log(`refreshing collaboration access to draft ${draftId} failed`, err);
  }
}
