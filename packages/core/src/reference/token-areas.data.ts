/** The API areas an API token's scopes name, each readable (`:read`) and writable (`:write`). */
export const TOKEN_AREAS = [
  'offers',
  'contacts',
  'documents',
  'publishing',
  'opportunities',
  'webhooks',
  'insights',
  'program',
] as const;
export type TokenArea = (typeof TOKEN_AREAS)[number];
