/** How a draft's derived status looks in JSON. */
import { statusLabel, type DraftStatus } from '../../shared/lifecycle';

/** The status with its labels in each language ("adopted as orally amended"). */
export function presentStatus(s: DraftStatus) {
  return {
    state: s.state,
    label: { en: statusLabel(s, 'en'), zh: statusLabel(s, 'zh') },
    symbol: s.symbol,
    revision: s.revision,
    introduction: s.introduction,
    finalAction: s.finalAction,
    isFinal: s.isFinal,
    frozen: s.frozen,
    frozenHash: s.frozenHash,
  };
}
