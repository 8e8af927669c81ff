// Managed options and results. Options start from the library's documented defaults
// (tm_*_options_default), so a new default in the library reaches C# callers unchanged.
using System;
using System.Collections.Generic;
using TransformModel.Interop;

namespace TransformModel
{
    public enum Weighting : uint { Balanced = 0, Pooled = 1 }

    public enum Lang : uint { Da = 0, En = 1 }

    /// Figures read one at a time (tm_figure).
    public enum Figure : uint
    {
        NEffective = 0, AlphaN = 1, Icc1 = 2, Icc2 = 3, Borderline = 4, Partial = 5, Status = 6, Gap = 7,
        PLevel1 = 11, PLevel2 = 12, PLevel3 = 13, PLevel4 = 14, PLevel5 = 15
    }

    /// Options of an assessment (docs/c-api.md; DOMAIN.md "Anonymity and disclosure").
    public sealed class AssessOptions
    {
        public Weighting Weighting { get; set; }
        /// k: the fewest respondents behind any figure. Below 5 needs AllowSmallGroups; below 3 is refused.
        public uint MinGroupSize { get; set; }
        public bool AllowSmallGroups { get; set; }
        public uint MinDispersionN { get; set; }
        public uint MinCommonItems { get; set; }
        /// Bootstrap resamples (0 = no intervals).
        public uint Bootstrap { get; set; }
        public ulong Seed { get; set; }
        /// Target level; null = one above the current overall level.
        public int? Target { get; set; }
        /// Worker threads; null = all cores. Results do not depend on it.
        public uint? Threads { get; set; }
        /// Extra CSV columns to skip (survey tools add timestamps, e-mail, …).
        public IList<string> IgnoreColumns { get; set; } = new List<string>();
        /// An earlier round to compare with (the result's `baseline`).
        public Assessment Baseline { get; set; }

        public AssessOptions()
        {
            var d = Native.tm_assess_options_default();
            Weighting = (Weighting)d.Weighting;
            MinGroupSize = d.MinGroupSize;
            AllowSmallGroups = d.AllowSmallGroups != 0;
            MinDispersionN = d.MinDispersionN;
            MinCommonItems = d.MinCommonItems;
            Bootstrap = d.Bootstrap;
            Seed = d.Seed;
        }

        /// The C struct; its pointers live in `strings` until it is disposed.
        internal NativeAssessOptions ToNative(UnmanagedStrings strings)
        {
            var o = Native.tm_assess_options_default();
            o.Weighting = (uint)Weighting;
            o.MinGroupSize = MinGroupSize;
            o.AllowSmallGroups = AllowSmallGroups ? (byte)1 : (byte)0;
            o.MinDispersionN = MinDispersionN;
            o.MinCommonItems = MinCommonItems;
            o.Bootstrap = Bootstrap;
            o.Seed = Seed;
            o.Target = Target ?? 0;
            o.Threads = Threads ?? 0;
            o.IgnoreColumns = strings.Array(IgnoreColumns);
            o.IgnoreColumnCount = (UIntPtr)(IgnoreColumns == null ? 0 : IgnoreColumns.Count);
            o.BaselineJson = Baseline == null ? IntPtr.Zero : strings.String(Baseline.ToJson());
            return o;
        }
    }

    /// Options of a match.
    public sealed class MatchOptions
    {
        /// Ingredients returned (at least 1).
        public uint Top { get; set; }
        /// Interventions retrieved for the distillation (at least 1).
        public uint Retrieve { get; set; }
        public Lang Lang { get; set; }

        public MatchOptions()
        {
            var d = Native.tm_match_options_default();
            Top = d.Top;
            Retrieve = d.Retrieve;
            Lang = (Lang)d.Lang;
        }

        internal NativeMatchOptions ToNative() => new NativeMatchOptions { Top = Top, Retrieve = Retrieve, Lang = (uint)Lang };
    }

    /// Options of a portfolio analysis.
    public sealed class PortfolioOptions
    {
        /// Payback horizon in years, 1–100.
        public int Horizon { get; set; }
        /// Analysis year; null = the file's `year`.
        public int? Year { get; set; }
        public Lang Lang { get; set; }

        public PortfolioOptions()
        {
            var d = Native.tm_portfolio_options_default();
            Horizon = d.Horizon;
            Lang = (Lang)d.Lang;
        }

        internal NativePortfolioOptions ToNative() =>
            new NativePortfolioOptions { Horizon = Horizon, Year = Year ?? 0, Lang = (uint)Lang };
    }

    /// Options of a plan (docs/plan.md).
    public sealed class PlanOptions
    {
        /// First plan year; null = the portfolio's `year`.
        public int? StartYear { get; set; }
        /// Plan years, 1–10.
        public int Years { get; set; }
        /// Leader hours per department per year.
        public double CapacityHours { get; set; }
        /// Election years; null = every fourth year from 2025.
        public IList<int> Elections { get; set; }
        /// The language of PlanAction.Title.
        public Lang Lang { get; set; }

        public PlanOptions()
        {
            var d = Native.tm_plan_options_default();
            Years = d.Years;
            CapacityHours = d.CapacityHours;
            Lang = (Lang)d.Lang;
        }

        internal NativePlanOptions ToNative(UnmanagedStrings memory)
        {
            var o = Native.tm_plan_options_default();
            o.StartYear = StartYear ?? 0;
            o.Years = Years;
            o.CapacityHours = CapacityHours;
            o.Elections = memory.Ints(Elections);
            o.ElectionCount = (UIntPtr)(Elections == null ? 0 : Elections.Count);
            o.Lang = (uint)Lang;
            return o;
        }
    }

    /// One dimension's figures; a figure that is not reported is null.
    public sealed class DimensionResult
    {
        public string Id { get; }
        public double? Score { get; }
        /// The level (floor of the score); 0 when there is no score.
        public int Level { get; }
        public double? Progress { get; }
        public double? CiLow { get; }
        public double? CiHigh { get; }
        public double? Alpha { get; }
        /// Respondents behind the score.
        public long N { get; }

        internal DimensionResult(NativeDimensionResult d, string id)
        {
            Id = id;
            Score = d.HasScore != 0 ? d.Score : (double?)null;
            Level = d.Level;
            Progress = double.IsNaN(d.Progress) ? (double?)null : d.Progress;
            CiLow = d.HasCi != 0 ? d.CiLow : (double?)null;
            CiHigh = d.HasCi != 0 ? d.CiHigh : (double?)null;
            Alpha = d.HasAlpha != 0 ? d.Alpha : (double?)null;
            N = (long)(ulong)d.N;
        }
    }

    /// A perception gap (a − b on the common items); a withheld figure is null.
    public sealed class Gap
    {
        public double? Diff { get; }
        public double? CiLow { get; }
        public double? CiHigh { get; }
        public double? P { get; }
        public double? PAdjusted { get; }
        public bool? Significant { get; }
        public uint CommonItems { get; }

        static double? Value(double x) => double.IsNaN(x) ? (double?)null : x;

        internal Gap(NativeGap g)
        {
            Diff = Value(g.Diff);
            CiLow = Value(g.CiLow);
            CiHigh = Value(g.CiHigh);
            P = Value(g.P);
            PAdjusted = Value(g.PAdjusted);
            Significant = g.Significant < 0 ? (bool?)null : g.Significant == 1;
            CommonItems = g.CommonItems;
        }
    }

    /// A ranked ingredient.
    public sealed class Ingredient
    {
        public string Id { get; }
        public double Score { get; }
        internal Ingredient(string id, double score) { Id = id; Score = score; }
    }

    /// One planned action; strings are copies.
    public sealed class PlanAction
    {
        public string Id { get; }
        /// The JSON kind, e.g. "close", "secure_in_budget".
        public string Kind { get; }
        public string Title { get; }
        public int Year { get; }
        public int Quarter { get; }
        public double Hours { get; }
        public double? CostKr { get; }
        /// The budget that decides the cost; null = none.
        public int? BudgetYear { get; }
        /// null when the owner is to be decided.
        public string OwnerDepartment { get; }

        internal PlanAction(NativePlanAction a)
        {
            Id = Utf8.Copy(a.Id);
            Kind = Utf8.Copy(a.Kind);
            Title = Utf8.Copy(a.Title);
            OwnerDepartment = Utf8.Copy(a.OwnerDepartment);
            Year = a.Year;
            Quarter = a.Quarter;
            Hours = a.Hours;
            CostKr = a.HasCost != 0 ? a.CostKr : (double?)null;
            BudgetYear = a.BudgetYear == 0 ? (int?)null : a.BudgetYear;
        }
    }
}
