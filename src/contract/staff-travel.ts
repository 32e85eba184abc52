import { z } from 'zod';
import { IsoDateTime, Uuid } from './common.js';
import { travelFields } from './lecturers.js';

/**
 * The travel of a session's director or instructor (a mobile training team flies to its host
 * nation): what a lecturer's assignment records. A field left out keeps its value; null clears.
 */
export const StaffTravelInput = z.strictObject(travelFields).partial();
export type StaffTravelInput = z.input<typeof StaffTravelInput>;

export const StaffTravel = z
  .object({
    userId: Uuid,
    displayName: z.string(),
    role: z.enum(['director', 'instructor']),
    arrivalAt: IsoDateTime.nullable(),
    arrivalFlight: z.string().nullable(),
    departureAt: IsoDateTime.nullable(),
    departureFlight: z.string().nullable(),
    hotel: z.string().nullable(),
    /** Null until the travel is first recorded. */
    updatedAt: IsoDateTime.nullable(),
  })
  .meta({ id: 'StaffTravel' });
export type StaffTravel = z.infer<typeof StaffTravel>;
