/** The real job and preset list, shared by the Office and browser wiring. */
import { inspect, runJob } from '../../app/job';
import { applyChoices, supplementInputs } from '../../app/locate';
import { listPresets } from '../../engine';
import type { JobApi } from './services';

export const JOB_API: JobApi = { inspect, runJob, applyChoices, supplementInputs };

export function presetNames(): string[] {
  return listPresets();
}
