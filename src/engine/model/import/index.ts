// Real input: kubectl's output as a scenario.
export { importKubectl } from './kubectl';
export type { Ignored, ImportReport, ImportResult } from './types';
