export * from './client';
export * from './errors';
export * from './help';
export type * from './types';
export * from './tickets';
export * from './returns';
export type * from './tickets-types';
