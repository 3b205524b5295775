/** The values of each option that takes one of a fixed few; the option types are derived from them. */
export const choices = {
  theme: ['auto', 'light', 'dark'],
  position: ['right', 'left'],
  persist: ['local', 'session', 'none'],
} as const;
