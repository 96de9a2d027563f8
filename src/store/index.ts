export { store as settingsStore } from './settings';
