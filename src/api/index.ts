export * from './client';
export * from './errors';
export * from '../help-center/api';
export type * from './types';
export * from '../tickets/api';
export * from '../returns/api';
export type * from '../tickets/api-types';
export * from '../orders/api';
