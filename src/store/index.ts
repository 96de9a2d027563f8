export { store as settingsStore } from './settings';
export { store as helpReportsStore } from './help-reports';
