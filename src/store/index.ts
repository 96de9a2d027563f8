export { store as settingsStore } from '../settings/store';
export { store as helpReportsStore } from '../help-center/store';
export { store as ticketsStore } from '../tickets/store';
export { store as savedRepliesStore } from '../tickets/saved-replies/store';
export { store as returnsStore } from '../returns/store';
export { store as ordersStore } from '../orders/store';
export { store as mailStore } from '../mail/store';
export { store as reportsStore } from '../reports/store';
