// How differences are printed: one line per address range.
import type { DiffRegion } from './equivalence.js';
import type { Values } from '../model/policy-meaning.js';
import { formatRange } from '../model/address-ranges.js';

export function formatValues(v: Values, labelsOnly = false): string {
  const label = v.label === -1 ? 'no label' : `label ${v.label}`;
  if (labelsOnly) return label;
  return v.label === -1 && v.precedence === 0 ? 'no match (precedence 0, no label)' : `precedence ${v.precedence}, ${label}`;
}

export function formatRegion(region: DiffRegion, labelsOnly = false): string {
  return `${formatRange(region.start, region.end)}: ${formatValues(region.before, labelsOnly)} -> ${formatValues(region.after, labelsOnly)}`;
}
