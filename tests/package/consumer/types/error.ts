// The deliberate error: a Decimal is not a number. This file must fail to compile (TS2322).
import type { UnitResult } from "par-index";

declare const unit: UnitResult;
export const n: number = unit.points;
