/** A stage's tag colour by its outcome: still open, won, or lost. */
export const outcomeColours = { open: 'blue', won: 'green', lost: 'default' } as const;
