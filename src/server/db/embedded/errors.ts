/** A start-up problem the operator can act on; main prints its message without a stack. */
export class EmbeddedDatabaseError extends Error {}
