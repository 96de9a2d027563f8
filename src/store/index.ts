export { store as settingsStore } from './settings';
export { store as helpReportsStore } from './help-reports';
export { store as ticketsStore } from './tickets';
export { store as savedRepliesStore } from './saved-replies';
export { store as returnsStore } from './returns';
