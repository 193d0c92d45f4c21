/** How a delegation looks in JSON. */
import type { DelegationRow } from '../storage/types';
import { presentLocalized } from './localized';

/** A delegation as the API shows it. */
export function presentDelegation(d: DelegationRow) {
  return { id: d.id, code: d.code, name: presentLocalized(d.name), kind: d.kind };
}

/** The JSON form of a delegation. */
export type DelegationJSON = ReturnType<typeof presentDelegation>;
