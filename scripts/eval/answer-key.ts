/**
 * The answer-key format of an evaluation folder (`<slug>.expected.json` beside `<slug>.md` /
 * `<slug>.txt`), validated so a malformed key fails loudly instead of scoring zero.
 */
import { z } from 'astro/zod';

const nullableString = z.string().nullable();

export const keySectionSchema = z.object({
  kind: z.enum(['background', 'session', 'conclusion', 'outcome', 'other']),
  role: z.enum(['opening', 'named', 'thematic', 'closing']).nullable(),
  headed: z.boolean().optional(),
  title: nullableString.optional(),
  under: nullableString.optional(),
  group: z.string().optional(),
  runInTitle: z.string().optional(),
  firstWords: z.string(),
  parts: z.array(z.string()).optional(),
  runInParts: z.array(z.string()).optional(),
});
export type KeySection = z.infer<typeof keySectionSchema>;

export const keySpeakerSchema = z.object({
  name: z.string().min(1),
  aliases: z.array(z.string()).optional(),
  role: nullableString.optional(),
  organization: nullableString.optional(),
  country: nullableString.optional(),
  speaks: z.boolean(),
  mention: z.string().optional(),
});
export type KeySpeaker = z.infer<typeof keySpeakerSchema>;

export const answerKeySchema = z.object({
  source: z.string(),
  shape: z.string().optional(),
  title: z.string().min(1),
  startDate: nullableString,
  endDate: nullableString,
  venue: nullableString,
  sections: z.array(keySectionSchema),
  notSessions: z.array(z.string()),
  conclusions: z.array(z.string()),
  speakers: z.array(keySpeakerSchema),
  notSpeakers: z.array(z.string()),
  paragraphs: z.number().int().nonnegative(),
  notes: z.array(z.string()).optional(),
});
export type AnswerKey = z.infer<typeof answerKeySchema>;
