/** Adding a delegation that may sponsor drafts; its code is unique. */
import type { NewDelegation } from '../storage/types';
import { UniqueViolation, type DelegationRow, type Store } from '../storage/types';
import { DomainErrors } from '../errors';

/** Create a delegation; 409 when its code is taken. */
export async function createDelegation(store: Store, input: NewDelegation): Promise<DelegationRow> {
  try {
    return await store.createDelegation(input);
  } catch (err) {
    if (err instanceof UniqueViolation) throw DomainErrors.conflict(`a delegation with the code ${input.code} already exists`);
    throw err;
  }
}
