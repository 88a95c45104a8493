// What each target can hold, and how values outside it are carried (with a warning).
// Labels only matter for being equal or not, so an impossible label is renamed to an
// unused one (exact); a precedence outside the range is clamped (lossy).
import type { Semantics } from '../model/policy-meaning.js';

const INT_MAX = 2147483647;
const INT_MIN = -2147483648;
const UINT32_MAX = 0xffffffff;

interface Range {
  readonly min: number;
  readonly max: number;
}

export const PRECEDENCE_RANGE: Record<Semantics, Range> = {
  glibc: { min: 0, max: INT_MAX },
  freebsd: { min: INT_MIN, max: INT_MAX },
  windows: { min: 0, max: UINT32_MAX },
  'linux-kernel': { min: 0, max: UINT32_MAX },
};

/** -1 is "no label" to FreeBSD's kernel and 0xffffffff to Linux's: neither can be written. */
export const LABEL_RANGE: Record<Semantics, Range> = {
  glibc: { min: 0, max: INT_MAX },
  freebsd: { min: INT_MIN, max: INT_MAX },
  windows: { min: 0, max: UINT32_MAX },
  'linux-kernel': { min: 0, max: UINT32_MAX - 1 },
};

export const NAMES: Record<Semantics, string> = {
  glibc: 'glibc',
  freebsd: 'FreeBSD',
  windows: 'Windows',
  'linux-kernel': 'the Linux kernel',
};

export class ValueMapper {
  private readonly labelMap = new Map<number, number>();
  private readonly used: Set<number>;
  readonly warnings: string[] = [];

  constructor(
    private readonly target: Semantics,
    usedLabels: Iterable<number>,
  ) {
    this.used = new Set(usedLabels);
  }

  /** The smallest label no row uses (for "no match", which the target cannot write). */
  freshLabel(): number {
    let label = 0;
    while (this.used.has(label)) label++;
    this.used.add(label);
    return label;
  }

  label(value: number): number {
    const range = LABEL_RANGE[this.target];
    if (value >= range.min && value <= range.max && !(value === -1 && this.target === 'freebsd')) return value;
    let mapped = this.labelMap.get(value);
    if (mapped === undefined) {
      mapped = this.freshLabel();
      this.labelMap.set(value, mapped);
      this.warnings.push(
        `label ${value} cannot be written for ${NAMES[this.target]} (${range.min} to ${range.max}${this.target === 'freebsd' ? ', not -1' : ''}): written as label ${mapped}, which no other row uses, so the same addresses still share a label`,
      );
    }
    return mapped;
  }

  precedence(value: number): number {
    const range = PRECEDENCE_RANGE[this.target];
    const clamped = Math.min(range.max, Math.max(range.min, value));
    if (clamped !== value) {
      const message = `precedence ${value} is outside ${NAMES[this.target]}'s range ${range.min} to ${range.max}: written as ${clamped}, which can change the order of destinations`;
      if (!this.warnings.includes(message)) this.warnings.push(message);
    }
    return clamped;
  }

  /** Clamp silently: what the converted policy is expected to give (warnings already made). */
  expectedPrecedence(value: number): number {
    const range = PRECEDENCE_RANGE[this.target];
    return Math.min(range.max, Math.max(range.min, value));
  }

  expectedLabel(value: number): number {
    return this.labelMap.get(value) ?? value;
  }
}
