/**
 * The money of a rollout or of a phased plan, year by year (used by src/core/rollout/schedule.ts and
 * src/core/phase/phase-plan.ts): each year is allotted `budgetYuan / years`; what a year leaves unspent carries over to the
 * next years and none is borrowed from a later year, so the spend up to the end of year t is at most
 * t x budgetYuan / years. A site opened in year t costs its set-up in year t and its running cost in every year from
 * t on, and that running cost is committed when it opens: a site is opened only when every later year can still pay
 * for everything open. An optional cap limits the spend of each year alone.
 */

/** Rounding slack of money comparisons, yuan. */
export const EPS_YUAN = 1e-3;

export class YearLedger {
  /** Spend of each year alone, yuan (index 0 = year 1). */
  readonly yearSpendYuan: Float64Array;
  private readonly cumulativeCap: Float64Array;
  private readonly spendCap: Float64Array;

  /**
   * @param years years of the plan (>= 1)
   * @param budgetYuan total budget over all years, yuan
   * @param spendCapsYuan optional cap of each year's own spend (index 0 = year 1; missing entries: no cap)
   */
  constructor(
    readonly years: number,
    budgetYuan: number,
    spendCapsYuan: readonly (number | null | undefined)[] = [],
  ) {
    if (!Number.isInteger(years) || years < 1) throw new Error(`Expected a whole number of years >= 1, got ${years}.`);
    this.yearSpendYuan = new Float64Array(years);
    this.cumulativeCap = Float64Array.from({ length: years }, (_, t) => ((t + 1) * budgetYuan) / years);
    this.spendCap = Float64Array.from({ length: years }, (_, t) => spendCapsYuan[t] ?? Infinity);
  }

  /** Cumulative cap of the spend up to the end of year index t (0-based), yuan: (t + 1) x budget / years. */
  capUpTo(t: number): number {
    return this.cumulativeCap[t];
  }

  /** True when a bundle opening in year index t (0-based) fits every year's money from t on. */
  fits(t: number, setupYuan: number, yearlyYuan: number): boolean {
    let cumulative = 0;
    for (let y = 0; y < t; y++) cumulative += this.yearSpendYuan[y];
    for (let y = t; y < this.years; y++) {
      cumulative += this.yearSpendYuan[y];
      const added = (y === t ? setupYuan : 0) + yearlyYuan;
      if (this.yearSpendYuan[y] + added > this.spendCap[y] + EPS_YUAN) return false;
      if (cumulative + setupYuan + yearlyYuan * (y - t + 1) > this.cumulativeCap[y] + EPS_YUAN) return false;
    }
    return true;
  }

  /** Books a bundle opening in year index t: its set-up that year, its running cost every year from t on. */
  commit(t: number, setupYuan: number, yearlyYuan: number): void {
    this.yearSpendYuan[t] += setupYuan;
    for (let y = t; y < this.years; y++) this.yearSpendYuan[y] += yearlyYuan;
  }
}
