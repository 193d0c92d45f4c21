/**
 * Validating AKN against the OASIS schema with xmllint (Debian's libxml2-utils). Where xmllint
 * is missing, CI fails (it installs it) and a developer's run skips, saying why.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The path of xmllint. */
export const XMLLINT = '/usr/bin/xmllint';
/** The AKN 3.0 schema the product ships (in the repository, never outside it). */
export const AKN_XSD = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../server/export/schemas/akomantoso30.xsd');

/** Whether xmllint is there; throws on CI when it is not, where its absence is a setup fault. */
export function xmllintAvailable(): boolean {
  if (existsSync(XMLLINT)) return true;
  if (process.env.CI === 'true') throw new Error(`${XMLLINT} is missing on CI: install libxml2-utils`);
  console.warn(`skipping XSD validation: ${XMLLINT} is not installed (apt-get install libxml2-utils)`);
  return false;
}

/** Validate an XML string against the AKN schema; resolves with xmllint's complaints ('' when valid). */
export function validateAkn(xml: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'akn-'));
  try {
    const file = path.join(dir, 'doc.xml');
    writeFileSync(file, xml);
    const run = spawnSync(XMLLINT, ['--noout', '--nonet', '--schema', AKN_XSD, file], { encoding: 'utf8' });
    return run.status === 0 ? '' : `${run.stderr}`.trim() || `xmllint exited with ${run.status}`;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
