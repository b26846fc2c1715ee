// The store's door for the app and the UI.
export { createAppStore, type AppStore } from './store';
export { StoreContext, useAppStore } from './context';
export { containerElementId, type Endpoint, type Proto } from './endpoints';
export type { Step, Leg } from './steps';
export { SPEEDS, type AppState, type ApplyResult, type Panel, type SendOutcome, type SendRequest, type Speed } from './types';
