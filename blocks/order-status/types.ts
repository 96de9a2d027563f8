/**
 * Internal dependencies
 */
import type { AftercareOrderStatus } from '../../src/api/types';

export type OrderStatus = AftercareOrderStatus;

export interface OrderStatusAttributes {
	[ key: string ]: unknown;
	heading: string;
	submitLabel: string;
	showItems: boolean;
	showTracking: boolean;
	showTimeline: boolean;
	recentOrders: number;
}
