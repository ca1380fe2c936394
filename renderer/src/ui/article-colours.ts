// Tableau 10: hues an editor tells apart at a glance, as thin bars and as faint tints alike.
const PALETTE = ['#4e79a7', '#f28e2b', '#59a14f', '#e15759', '#b07aa1', '#76b7b2', '#edc948', '#9c755f', '#ff9da7', '#bab0ac'];

/** The colour of the page's `index`-th article (reading order), the same in every pane. */
export function articleColour(index: number): string {
  return PALETTE[index % PALETTE.length]!;
}
