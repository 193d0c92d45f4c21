/**
 * Opening a session: under an existing body, or with a new body created in the same
 * transaction (the first session of a conference brings its body with it).
 */
import type { LocalizedText } from '../../shared/delegations';
import { checkPrefix } from '../../shared/symbols';
import { UniqueViolation, type BodyRow, type SessionRow, type Store } from '../storage/types';
import { DomainErrors } from '../errors';

/** What a new session needs: an existing body's id, or a new body's name. */
export interface NewSessionInput {
  body: { id: string } | { name: LocalizedText };
  number: number;
  title: LocalizedText;
  symbolPrefix: string;
  place: string;
  opens: string;
  closes: string;
}

/** Create a session (and its body); 422 for a malformed prefix, 409 for a prefix in use. */
export async function createSession(store: Store, input: NewSessionInput): Promise<{ session: SessionRow; body: BodyRow }> {
  const prefix = checkPrefix(input.symbolPrefix);
  if (!prefix.ok) throw DomainErrors.refused(prefix.error);
  if (input.closes < input.opens) throw DomainErrors.refused(`a session cannot close (${input.closes}) before it opens (${input.opens})`);
  try {
    return await store.transaction(async (tx) => {
      const body = 'id' in input.body ? await tx.getBody(input.body.id) : await tx.createBody({ name: input.body.name });
      if (!body) throw DomainErrors.refused(`there is no body with id "${'id' in input.body ? input.body.id : ''}"`);
      const { number, title, symbolPrefix, place, opens, closes } = input;
      const session = await tx.createSession({ bodyId: body.id, number, title, symbolPrefix, place, opens, closes });
      return { session, body };
    });
  } catch (err) {
    if (err instanceof UniqueViolation) throw DomainErrors.conflict(`the symbol prefix ${input.symbolPrefix} is already used by another session`);
    throw err;
  }
}
