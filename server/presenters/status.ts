/** How a draft's derived status looks in JSON. */
import { LANGUAGES, type Lang } from '../../shared/languages';
import { statusLabel, type DraftStatus } from '../../shared/lifecycle';

/** The status with its labels in each of the six languages ("adopted as orally amended"). */
export function presentStatus(s: DraftStatus) {
  return {
    state: s.state,
    label: Object.fromEntries(LANGUAGES.map((l) => [l, statusLabel(s, l)])) as Record<Lang, string>,
    symbol: s.symbol,
    revision: s.revision,
    introduction: s.introduction,
    finalAction: s.finalAction,
    isFinal: s.isFinal,
    frozen: s.frozen,
    frozenHash: s.frozenHash,
  };
}
