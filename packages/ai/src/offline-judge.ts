// The offline judge: deterministic word rules on the latest messages (local mode, tests, CI eval). Never calls a model.
import type { ChatJudge, JudgeInput, Verdict } from './judge.js';

export const OFFLINE_JUDGE = 'offline';

/**
 * Words a pure acknowledgement may consist of, in the corpus languages (en, da, de, nl, sv, fr). A message counts
 * as an acknowledgement only when EVERY word is in this list, so "Thanks, please send the invoice" is not one
 * (conservative). Left out on purpose: polite request markers (please, bitte, venligst, graag, merci de),
 * "in advance" words (forhånd, Voraus, alvast, förhand, avance: thanks for something still to come), negations,
 * and "done/closed/resolved" (they appear in injection attempts such as "mark it resolved").
 */
const acknowledgementWords = new Set([
  // en
  ...['thanks', 'thank', 'thx', 'ty', 'you', 'ok', 'okay', 'k', 'received', 'noted', 'got', 'it', 'great'],
  ...['perfect', 'understood', 'will', 'do', 'confirmed', 'sounds', 'good', 'cheers', 'much', 'very', 'many'],
  ...['for', 'the', 'update', 'info', 'information', 'all', 'well', 'fine', 'yes', 'alright', 'nice'],
  ...['appreciated', 'kind', 'regards', 'best', 'have', 'a', 'weekend', 'day', 'noted'],
  // da
  ...['tak', 'mange', 'tusind', 'for', 'det', 'modtaget', 'forstået', 'fint', 'super', 'perfekt', 'noteret'],
  ...['godt', 'god', 'dag', 'weekend', 'venlig', 'hilsen', 'mvh', 'ja', 'er', 'i', 'orden', 'opdateringen'],
  ...['oplysningerne', 'info', 'alt', 'vel', 'den', 'helt', 'klart', 'lyder'],
  // de
  ...['danke', 'dankeschön', 'vielen', 'dank', 'besten', 'herzlichen', 'schön', 'erhalten', 'verstanden'],
  ...['alles', 'klar', 'gut', 'super', 'prima', 'perfekt', 'in', 'ordnung', 'für', 'die', 'info', 'information'],
  ...['rückmeldung', 'mfg', 'freundliche', 'freundlichen', 'grüße', 'grüßen', 'gruß', 'mit', 'ja', 'okay'],
  ...['zur', 'kenntnis', 'genommen', 'notiert', 'schönes', 'wochenende', 'einen', 'schönen', 'tag'],
  ...['klingt', 'beste'],
  // nl
  ...['bedankt', 'dank', 'dankjewel', 'dankuwel', 'je', 'u', 'wel', 'voor', 'de', 'het', 'info', 'informatie'],
  ...['update', 'ontvangen', 'duidelijk', 'genoteerd', 'prima', 'top', 'helder', 'akkoord', 'goed', 'ja'],
  ...['mvg', 'met', 'vriendelijke', 'groet', 'groeten', 'fijn', 'weekend', 'fijne', 'dag', 'hartelijk', 'zo', 'klinkt'],
  // sv
  ...['tack', 'så', 'mycket', 'för', 'det', 'informationen', 'uppdateringen', 'mottaget', 'uppfattat'],
  ...['noterat', 'bra', 'perfekt', 'toppen', 'utmärkt', 'ja', 'okej', 'vänliga', 'hälsningar', 'mvh'],
  ...['trevlig', 'helg', 'dag', 'en', 'allt', 'väl', 'klart', 'stort', 'låter'],
  // fr
  ...['merci', 'beaucoup', 'bien', 'reçu', 'noté', 'compris', 'parfait', 'entendu', 'd', 'accord', 'très'],
  ...['pour', 'l', 'info', 'information', 'les', 'informations', 'la', 'mise', 'à', 'jour', 'cordialement'],
  ...['c', 'est', 'bonne', 'journée', 'fin', 'de', 'semaine', 'oui', 'super', 'top', 'votre', 'retour', 'salutations'],
]);

/** At least one word must carry the acknowledgement ("for the update" alone is not one). */
const acknowledgementCores = new Set([
  ...['thanks', 'thank', 'thx', 'ty', 'ok', 'okay', 'k', 'received', 'noted', 'got', 'great', 'perfect'],
  ...['understood', 'confirmed', 'cheers', 'appreciated', 'alright'],
  ...['tak', 'modtaget', 'forstået', 'noteret', 'perfekt', 'super', 'fint'],
  ...['danke', 'dankeschön', 'dank', 'erhalten', 'verstanden', 'notiert', 'prima', 'klar', 'ordnung'],
  ...['bedankt', 'dankjewel', 'dankuwel', 'ontvangen', 'genoteerd', 'duidelijk', 'helder', 'akkoord', 'top'],
  ...['tack', 'mottaget', 'uppfattat', 'noterat', 'toppen', 'okej', 'bra'],
  ...['merci', 'reçu', 'noté', 'compris', 'parfait', 'entendu', 'accord'],
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

/**
 * Decides on the messages the other party sent since the party last wrote: all of them must be plain
 * acknowledgements to close ("Can you call?" then "Thanks!" still waits for the call). Anything else is `unsure`
 * or `reply_needed` (the task stays open).
 */
export const decideOffline = ({ conversation, party }: JudgeInput): Verdict => {
  const latest = conversation.at(-1);
  if (!latest) return verdict('unsure', 'no stored messages to judge');
  if (latest.senderParty === party) return verdict('no_reply_needed', `the ${party} sent the latest message`);
  const lastOwn = conversation.findLastIndex((message) => message.senderParty === party);
  const unanswered = conversation.slice(lastOwn + 1);
  const which = unanswered.length === 1 ? 'the latest message' : 'an unanswered message';
  if (unanswered.some((message) => message.text.includes('?'))) {
    return verdict('reply_needed', `${which} asks a question`);
  }
  if (unanswered.every((message) => isAcknowledgement(message.text))) {
    const what = unanswered.length === 1 ? 'the latest message is' : 'the unanswered messages are';
    return verdict('no_reply_needed', `${what} a plain acknowledgement`);
  }
  return verdict('unsure', `${which} is neither a question nor a plain acknowledgement`);
};

export const offlineJudge: ChatJudge = {
  name: OFFLINE_JUDGE,
  judge: async (input) => decideOffline(input),
};
