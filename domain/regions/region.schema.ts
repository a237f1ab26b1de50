import { z } from 'zod';

/** A division as the API returns it: one schema for the server's responses and the web's types. */
export const regionSchema = z.object({
  code: z.string(),
  name: z.string(),
  level: z.number(),
  parentCode: z.string().nullable(),
  urbanRuralClass: z.string().nullable(),
  population: z.number().nullable(),
  populationSource: z.enum(['census2020', 'estimate', 'manual']).nullable(),
  designations: z.array(z.string()),
  validFrom: z.string(),
  validTo: z.string().nullable(),
  status: z.enum(['active', 'revoked']),
  replacedBy: z.string().nullable(),
});
export type Region = z.infer<typeof regionSchema>;

/** One step of an ancestor path (breadcrumbs). */
export const regionPathItemSchema = z.object({ code: z.string(), name: z.string(), level: z.number() });
export type RegionPathItem = z.infer<typeof regionPathItemSchema>;
