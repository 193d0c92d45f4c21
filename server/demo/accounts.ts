/**
 * The demo's accounts: one secretariat officer, one chair of informal consultations, delegates
 * of sponsor delegations (Chile is the main sponsor of L.9/Rev.1 and of the illustrative draft,
 * Mexico, the United States and the EU co-sponsor it) and of delegations that sponsor
 * nothing (China, Germany — an EU member State — and India), so that every view of the policy
 * can be tried: edit, propose, comment, ask to co-sponsor, record.
 */
import type { Role } from '../../shared/accounts';
import { generatePassword } from '../auth/passwords';

/** The domain every demo login is in. */
export const DEMO_LOGIN_DOMAIN = 'demo.penholder';

/** An account the demo creates, before its password is chosen. */
export interface DemoAccountSpec {
  /** The part before `@demo.penholder`; also the fixed password's stem. */
  name: string;
  displayName: string;
  role: Role;
  /** The code of the delegation a delegate speaks for; null for the secretariat and the chair. */
  delegationCode: string | null;
}

/** The demo accounts, in the order they are printed. */
export const DEMO_ACCOUNTS: readonly DemoAccountSpec[] = [
  { name: 'secretariat', displayName: 'Secretariat officer', role: 'secretariat', delegationCode: null },
  { name: 'chair', displayName: 'Chair of informal consultations', role: 'chair', delegationCode: null },
  { name: 'chile', displayName: 'Delegate of Chile', role: 'delegate', delegationCode: 'CHL' },
  { name: 'mexico', displayName: 'Delegate of Mexico', role: 'delegate', delegationCode: 'MEX' },
  { name: 'usa', displayName: 'Delegate of the United States', role: 'delegate', delegationCode: 'USA' },
  { name: 'eu', displayName: 'Delegate of the European Union', role: 'delegate', delegationCode: 'EU' },
  { name: 'china', displayName: 'Delegate of China', role: 'delegate', delegationCode: 'CHN' },
  { name: 'germany', displayName: 'Delegate of Germany', role: 'delegate', delegationCode: 'DEU' },
  // Asks to co-sponsor the illustrative draft (illustrativeWorkflow.ts), so the accounts above have no request pending.
  { name: 'india', displayName: 'Delegate of India', role: 'delegate', delegationCode: 'IND' },
];

/** The login of a demo account: `chile@demo.penholder`. */
export function demoLogin(spec: Pick<DemoAccountSpec, 'name'>): string {
  return `${spec.name}@${DEMO_LOGIN_DOMAIN}`;
}

/** How demo passwords are chosen: random per install, or fixed known ones (for tests). */
export type DemoPasswords = 'random' | 'fixed';

/**
 * A demo account's password. Random: 16 characters without look-alikes, in four groups of
 * four ("Kq7m-…") so that it can be read off a console and typed. Fixed: `<name>-cop11-demo`,
 * known to anyone who reads this file, so never for an install others can reach.
 */
export function demoPassword(spec: Pick<DemoAccountSpec, 'name'>, mode: DemoPasswords): string {
  if (mode === 'fixed') return `${spec.name}-cop11-demo`;
  return generatePassword(16).match(/.{4}/g)!.join('-');
}
