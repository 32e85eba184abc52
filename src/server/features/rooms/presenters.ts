import type { InterpretationPair, Room } from '../../../contract/rooms.js';
import type { InterpretationRow, RoomRow } from './queries.js';

export function presentRoom(row: RoomRow): Room {
  return {
    id: row.id,
    venueCode: row.venueCode,
    name: row.name,
    capacity: row.capacity,
    equipment: row.equipment,
  };
}

export function presentPair(row: InterpretationRow): InterpretationPair {
  return { from: row.languageA, to: row.languageB, interpreters: row.interpreters };
}
