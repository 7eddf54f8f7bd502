/**
 * Where a scoring run keeps its numbers: one set of flat arrays for all units (struct of
 * arrays), each unit owning a row. Points and maxima are exact integer counts of 10^-k
 * (see {@link EnginePlan.k}): JS safe integers in Int32Arrays or Float64Arrays when the
 * plan is {@link EnginePlan.safe}, BigInts otherwise. Decimals are built only when read.
 */
import { type Decimal, ZERO } from "../core/decimal.js";
import { fromScaled, scaledIndexToNumber, scaledNumIndexToNumber, scaledNumToNumber, scaledSafeInteger, scaledToNumber, toScaled } from "./fixed.js";
import type { EnginePlan } from "./plan.js";

/** An exact count of 10^-k: a safe-integer number, or a bigint (never both in one run). */
export type Scaled = number | bigint;

/** Indexable storage of counts (an Int32Array, a Float64Array or an array of bigints). */
export interface ScaledArray {
  [index: number]: Scaled;
  readonly length: number;
}

/** The exact integer operations of one representation. */
export interface Arith {
  readonly zero: Scaled;
  array(length: number): ScaledArray;
  add(a: Scaled, b: Scaled): Scaled;
  sub(a: Scaled, b: Scaled): Scaled;
  lt(a: Scaled, b: Scaled): boolean;
  isZero(a: Scaled): boolean;
  /** A framework constant (rounded or not), memoised by identity. */
  fromConst(d: Decimal): Scaled;
  /** Per node position: the node's (full) max. */
  readonly nodeMax: ScaledArray;
  /** A computed decimal (at most k places). */
  fromDecimal(d: Decimal): Scaled;
  toDecimal(n: Scaled): Decimal;
  toBig(n: Scaled): bigint;
  /** Rounded to the framework's decimals, as a JSON number. */
  toJsonNumber(n: Scaled): number;
  /** points ÷ max × 100 rounded to the framework's decimals, as a JSON number; undefined when max is 0. */
  indexJson(points: Scaled, max: Scaled): number | undefined;
}

function numberArith(plan: EnginePlan): Arith {
  const k = plan.k;
  const rounding = plan.framework.rounding;
  const consts = new Map<Decimal, number>();
  return {
    zero: 0,
    nodeMax: Float64Array.from(plan.maxScaled, (m) => Number(m)),
    // Int32Array when every count fits 32 bits (half the memory), else Float64Array (safe integers).
    array: plan.small ? (length) => new Int32Array(length) : (length) => new Float64Array(length),
    add: (a, b) => (a as number) + (b as number),
    sub: (a, b) => (a as number) - (b as number),
    lt: (a, b) => (a as number) < (b as number),
    isZero: (a) => a === 0,
    fromConst: (d) => {
      let n = consts.get(d);
      if (n === undefined) consts.set(d, (n = Number(plan.scaled(d))));
      return n;
    },
    fromDecimal: (d) => scaledSafeInteger(d, k) ?? Number(toScaled(d, k)),
    toDecimal: (n) => plan.decimalOf(n as number),
    toBig: (n) => BigInt(n),
    toJsonNumber: (n) => scaledNumToNumber(n as number, k, rounding),
    indexJson: (p, m) => scaledNumIndexToNumber(p as number, m as number, rounding),
  };
}

function bigArith(plan: EnginePlan): Arith {
  const k = plan.k;
  const rounding = plan.framework.rounding;
  return {
    zero: 0n,
    nodeMax: [...plan.maxScaled],
    array: (length) => new Array<bigint>(length).fill(0n),
    add: (a, b) => (a as bigint) + (b as bigint),
    sub: (a, b) => (a as bigint) - (b as bigint),
    lt: (a, b) => (a as bigint) < (b as bigint),
    isZero: (a) => a === 0n,
    fromConst: (d) => plan.scaled(d),
    fromDecimal: (d) => toScaled(d, k),
    toDecimal: (n) => (n === 0n ? ZERO : fromScaled(n as bigint, k)),
    toBig: (n) => n as bigint,
    toJsonNumber: (n) => scaledToNumber(n as bigint, k, rounding),
    indexJson: (p, m) => scaledIndexToNumber(p as bigint, m as bigint, rounding),
  };
}

const arithCache = new WeakMap<EnginePlan, Arith>();

/** The integer representation of a plan (memoised). */
export function arithOf(plan: EnginePlan): Arith {
  let a = arithCache.get(plan);
  if (a === undefined) arithCache.set(plan, (a = plan.safe ? numberArith(plan) : bigArith(plan)));
  return a;
}

/** Node status codes stored in {@link ScoreStore.nodeFlags}: status + 3 × policy. */
export const STATUS_SCORED = 0;
export const STATUS_NOT_APPLICABLE = 1;
export const STATUS_MISSING = 2;
export const POLICY_FULL = 1;
export const POLICY_ZERO = 2;

/** Totals kept per unit, in this order, in {@link ScoreStore.totals}. */
export const TOTAL_CRITERIA = 0;
export const TOTAL_UNCAPPED = 1;
export const TOTAL_POINTS = 2;
export const TOTAL_MAX = 3;

/** The numbers of a whole scoring run: row `r` of each array belongs to the r-th unit scored. */
export class ScoreStore {
  readonly arith: Arith;
  readonly nodeCount: number;
  readonly adjustmentCount: number;
  readonly partCount: number;
  /** Per unit × node: points and applicable max. */
  readonly nodePoints: ScaledArray;
  readonly nodeMax: ScaledArray;
  /** Per unit × node: status + 3 × policy. */
  readonly nodeFlags: Uint8Array;
  /** Per unit × node: the not-applicable reason's code (see {@link EnginePlan.reasonCode}); 0 for none. */
  readonly nodeReason: Uint16Array | Uint32Array;
  /** Per unit × adjustment: its points (≥ 0, unsigned), status and reason. */
  readonly adjustmentPoints: ScaledArray;
  readonly adjustmentFlags: Uint8Array;
  readonly adjustmentReason: Uint16Array | Uint32Array;
  /** Per unit × part. */
  readonly partPoints: ScaledArray;
  readonly partMax: ScaledArray;
  readonly partDropped: Uint8Array;
  /** Per unit: criteria, uncapped, total and max (see TOTAL_*). */
  readonly totals: ScaledArray;

  constructor(
    readonly plan: EnginePlan,
    readonly rows: number,
  ) {
    const fw = plan.framework;
    const a = (this.arith = arithOf(plan));
    const n = (this.nodeCount = fw.nodes.length);
    const m = (this.adjustmentCount = fw.adjustments.length);
    const p = (this.partCount = plan.parts.length);
    this.nodePoints = a.array(rows * n);
    this.nodeMax = a.array(rows * n);
    this.nodeFlags = new Uint8Array(rows * n);
    const reasons = plan.reasonCapacity <= 0xffff ? (length: number) => new Uint16Array(length) : (length: number) => new Uint32Array(length);
    this.nodeReason = reasons(rows * n);
    this.adjustmentPoints = a.array(rows * m);
    this.adjustmentFlags = new Uint8Array(rows * m);
    this.adjustmentReason = reasons(rows * m);
    this.partPoints = a.array(rows * p);
    this.partMax = a.array(rows * p);
    this.partDropped = new Uint8Array(rows * p);
    this.totals = a.array(rows * 4);
  }
}
