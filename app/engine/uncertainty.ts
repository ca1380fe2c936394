import type { Reason } from '../model/page.js';

/**
 * Decisions whose confidence is below this are flagged for the editor. Chosen from the calibration
 * table `galley eval` prints: below it, decisions were right markedly less often than above it.
 */
export const UNCERTAIN_BELOW = 0.65;

/** Whether the editor should look at a decision: its reason is missing (never for engine output) or its confidence low. */
export function isUncertain(reason: Reason | undefined): boolean {
  return reason !== undefined && reason.rule !== 'editor' && reason.confidence < UNCERTAIN_BELOW;
}
