// The offline judge: deterministic rules on the latest message, for local mode and tests. Never calls a model.
import type { ChatJudge, JudgeInput, Verdict } from './judge.js';

export const OFFLINE_JUDGE = 'offline';

/**
 * Words a pure acknowledgement may consist of. A message counts as an acknowledgement only when
 * EVERY word is in this list, so "Thanks, please send the invoice" is not one (conservative).
 */
const acknowledgementWords = new Set([
  'thanks',
  'thank',
  'thx',
  'ty',
  'you',
  'ok',
  'okay',
  'k',
  'received',
  'noted',
  'got',
  'it',
  'great',
  'perfect',
  'understood',
  'will',
  'do',
  'confirmed',
  'sounds',
  'good',
  'cheers',
  'much',
  'very',
  'many',
  'for',
  'the',
  'update',
  'info',
  'information',
  'all',
  'well',
  'fine',
  'yes',
  'alright',
  'nice',
  'appreciated',
  'kind',
  'regards',
  'best',
]);
/** At least one word must carry the acknowledgement ("for the update" alone is not one). */
const acknowledgementCores = new Set([
  'thanks',
  'thank',
  'thx',
  'ty',
  'ok',
  'okay',
  'k',
  'received',
  'noted',
  'got',
  'great',
  'perfect',
  'understood',
  'confirmed',
  'cheers',
  'appreciated',
  'alright',
]);

const words = (text: string): string[] =>
  text
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length > 0);

export const isAcknowledgement = (text: string): boolean => {
  if (text.includes('?')) return false;
  const all = words(text);
  return (
    all.length > 0 && all.every((w) => acknowledgementWords.has(w)) && all.some((w) => acknowledgementCores.has(w))
  );
};

const verdict = (decision: Verdict['decision'], reason: string): Verdict => ({
  decision,
  reason,
  judge: OFFLINE_JUDGE,
});

/** Decides on the latest message only; anything it cannot classify is `unsure` (the task stays open). */
export const decideOffline = ({ conversation, party }: JudgeInput): Verdict => {
  const latest = conversation.at(-1);
  if (!latest) return verdict('unsure', 'no stored messages to judge');
  if (latest.senderParty === party) return verdict('no_reply_needed', `the ${party} sent the latest message`);
  if (latest.text.includes('?')) return verdict('reply_needed', 'the latest message asks a question');
  if (isAcknowledgement(latest.text)) {
    return verdict('no_reply_needed', 'the latest message is a plain acknowledgement');
  }
  return verdict('unsure', 'the latest message is neither a question nor a plain acknowledgement');
};

export const offlineJudge: ChatJudge = {
  name: OFFLINE_JUDGE,
  judge: async (input) => decideOffline(input),
};
