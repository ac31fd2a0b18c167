// The labelled corpus format (packages/ai/corpus/conversations.jsonl): one conversation per line, shared with exports.
import * as z from 'zod';

export const corpusLanguages = ['da', 'de', 'nl', 'sv', 'fr', 'en'] as const;
export const corpusLanguageSchema = z.enum(corpusLanguages);
export type CorpusLanguage = z.infer<typeof corpusLanguageSchema>;

/** `inbound` is written to the party in question, `outbound` by it. */
export const corpusMessageSchema = z.strictObject({
  direction: z.enum(['inbound', 'outbound']),
  text: z.string().trim().min(1),
  /** Hours before the judging moment the message was sent. */
  ageHours: z.number().nonnegative(),
});

export const corpusConversationSchema = z
  .strictObject({
    id: z.string().regex(/^[a-z0-9-]+$/),
    language: corpusLanguageSchema,
    messages: z.array(corpusMessageSchema).min(1).max(5),
    label: z.enum(['reply_needed', 'no_reply_needed']),
    /** Closing this conversation would be a serious error: a question, request, dispute, promise or injection. */
    mustKeep: z.boolean(),
    category: z.string().regex(/^[a-z_]+$/),
    /** Where an example came from when it was not written by hand (e.g. `reopened`, exported from undo). */
    source: z.string().optional(),
  })
  .refine((c) => !(c.mustKeep && c.label === 'no_reply_needed'), 'a mustKeep conversation needs a reply')
  .refine(
    (c) => c.messages.every((m, i) => i === 0 || m.ageHours <= (c.messages[i - 1]?.ageHours ?? 0)),
    'messages are oldest first',
  );
export type CorpusConversation = z.infer<typeof corpusConversationSchema>;

/** Parses JSONL text; a bad line throws with its line number. */
export const parseCorpus = (jsonl: string): CorpusConversation[] =>
  jsonl
    .split('\n')
    .filter((line) => line.trim().length > 0)
    .map((line, i) => {
      const parsed = corpusConversationSchema.safeParse(JSON.parse(line));
      if (!parsed.success) throw new Error(`corpus line ${i + 1}: ${z.prettifyError(parsed.error)}`);
      return parsed.data;
    });
