import { nestedSchema } from '@ic/persistence';

/** A municipality as registrations and interests keep it (the AGS identifies it). */
export const MunicipalitySchema = nestedSchema({
  name: { type: String, required: true },
  ags: { type: String, required: true },
  population: { type: Number, required: true },
});
