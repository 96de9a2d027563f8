export * from './client';
export * from './errors';
export * from './help';
export type * from './types';
