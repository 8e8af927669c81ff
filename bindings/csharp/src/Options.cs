// Managed options and results. Options start from the library's documented defaults
// (tm_*_options_default), so a new default in the library reaches C# callers unchanged.
using System;
using System.Collections.Generic;
using TransformModel.Interop;

namespace TransformModel
{
    /// <summary>How respondents are weighed in a score (tm_weighting).</summary>
    public enum Weighting : uint
    {
        /// <summary>Each reported perspective (role) counts once (the default).</summary>
        Balanced = 0,
        /// <summary>Every respondent counts once.</summary>
        Pooled = 1
    }

    /// <summary>The language of texts the library writes (tm_lang).</summary>
    public enum Lang : uint
    {
        /// <summary>Danish.</summary>
        Da = 0,
        /// <summary>English.</summary>
        En = 1
    }

    /// <summary>Figures read one at a time (tm_figure).</summary>
    public enum Figure : uint
    {
        /// <summary>Kish's effective number of respondents.</summary>
        NEffective = 0,
        /// <summary>The fewest respondents answering both items of an item pair (behind alpha).</summary>
        AlphaN = 1,
        /// <summary>ICC(1): the share of the variance between roles.</summary>
        Icc1 = 2,
        /// <summary>ICC(2): the reliability of the role means.</summary>
        Icc2 = 3,
        /// <summary>1 when the interval crosses a level boundary, else 0.</summary>
        Borderline = 4,
        /// <summary>1 when a perspective (role) of the model is missing from the score, else 0.</summary>
        Partial = 5,
        /// <summary>0 clearly below the target, 1 uncertain, 2 at or above.</summary>
        Status = 6,
        /// <summary>The gap to the target in scale points.</summary>
        Gap = 7,
        /// <summary>The standard error of the score.</summary>
        Se = 8,
        /// <summary>The degrees of freedom behind the interval.</summary>
        Df = 9,
        /// <summary>The target score of the profile.</summary>
        Target = 10,
        /// <summary>P(level 1) from the bootstrap replicates.</summary>
        PLevel1 = 11,
        /// <summary>P(level 2) from the bootstrap replicates.</summary>
        PLevel2 = 12,
        /// <summary>P(level 3) from the bootstrap replicates.</summary>
        PLevel3 = 13,
        /// <summary>P(level 4) from the bootstrap replicates.</summary>
        PLevel4 = 14,
        /// <summary>P(level 5) from the bootstrap replicates.</summary>
        PLevel5 = 15,
        /// <summary>The score on the common perspectives, which orders the priorities.</summary>
        PriorityScore = 16,
        /// <summary>max(target − priority score, 0): the gap that orders the recommendations.</summary>
        PriorityGap = 17
    }

    /// <summary>Options of an assessment (docs/c-api.md; DOMAIN.md "Anonymity and disclosure").</summary>
    public sealed class AssessOptions
    {
        /// <summary>How respondents are weighed; default balanced.</summary>
        public Weighting Weighting { get; set; }
        /// <summary>k: the fewest respondents behind any figure. Below 5 needs AllowSmallGroups; below 3 is refused.</summary>
        public uint MinGroupSize { get; set; }
        /// <summary>Allows 3 ≤ k &lt; 5 (MinGroupSize); the result says so.</summary>
        public bool AllowSmallGroups { get; set; }
        /// <summary>Dispersion figures (intervals, SD, r_wg, alpha) only for cells of at least this many respondents; default 10.</summary>
        public uint MinDispersionN { get; set; }
        /// <summary>Perception gaps need at least this many items asked of both roles; default 2.</summary>
        public uint MinCommonItems { get; set; }
        /// <summary>Bootstrap resamples (0 = no intervals).</summary>
        public uint Bootstrap { get; set; }
        /// <summary>The bootstrap's seed: the same seed, the same result on any thread count.</summary>
        public ulong Seed { get; set; }
        /// <summary>Target level; null = one above the current overall level.</summary>
        public int? Target { get; set; }
        /// <summary>Worker threads; null = all cores. Results do not depend on it.</summary>
        public uint? Threads { get; set; }
        /// <summary>Extra CSV columns to skip (survey tools add timestamps, e-mail, …).</summary>
        public IList<string> IgnoreColumns { get; set; } = new List<string>();
        /// <summary>An earlier round to compare with (the result's `baseline`); it is audited against too.</summary>
        public Assessment Baseline { get; set; }
        /// <summary>
        /// Unit columns to break the results down by (`department`, or `department` then
        /// `unit`): the breakdown and its disclosure audit over everything published together,
        /// as the CLI's `--by`. Never assess subsets of one survey one by one instead: the same
        /// respondents seen twice give each other away.
        /// </summary>
        public IList<string> UnitColumns { get; set; } = new List<string>();
        /// <summary>The municipality's 3-digit code (one of the 98), recorded for the benchmark; null = none.</summary>
        public string Municipality { get; set; }
        /// <summary>Earlier published assessments of the same survey: a cell whose n differs from theirs by 1 to k − 1 is withheld.</summary>
        public IList<Assessment> AuditAgainst { get; set; } = new List<Assessment>();
        /// <summary>The sheet of an .xlsx workbook (AssessFile); null = the first.</summary>
        public string Sheet { get; set; }
        /// <summary>Coverage of the intervals; default 0.95.</summary>
        public double Confidence { get; set; }
        /// <summary>
        /// The responses file the Baseline assessment was made from: when it is on another
        /// version of the model, both rounds are compared on the items the versions carry over
        /// (AssessCsv and AssessFile; the CLI's `--baseline-responses`). Null = none.
        /// </summary>
        public string BaselineResponses { get; set; }

        /// <summary>The library's defaults (tm_assess_options_default).</summary>
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
            Confidence = d.Confidence;
        }

        /// <summary>The C struct; its pointers live in `strings` until it is disposed.</summary>
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
            o.UnitColumns = strings.Array(UnitColumns);
            o.UnitColumnCount = (UIntPtr)(UnitColumns == null ? 0 : UnitColumns.Count);
            o.Municipality = strings.String(Municipality);
            var earlier = new List<string>();
            if (AuditAgainst != null)
                for (int i = 0; i < AuditAgainst.Count; i++)
                    earlier.Add(Library.NotNull(AuditAgainst[i], "AuditAgainst[" + i + "]").ToJson());
            o.AuditAgainstJson = strings.Array(earlier);
            o.AuditAgainstCount = (UIntPtr)earlier.Count;
            o.Sheet = strings.String(Sheet);
            o.Confidence = Confidence;
            return o;
        }
    }

    /// <summary>
    /// The council paper's own inputs for Assessment.ToHtml (each null = its default), the
    /// CLI's `report --municipality --committee --meeting-date --survey-period --status`.
    /// </summary>
    public sealed class PaperOptions
    {
        /// <summary>The municipality (code or name, one of the 98) the paper is for.</summary>
        public string Municipality { get; set; }
        /// <summary>The committee the paper goes to.</summary>
        public string Committee { get; set; }
        /// <summary>The meeting date, YYYY-MM-DD.</summary>
        public string MeetingDate { get; set; }
        /// <summary>The survey period, YYYY-MM-DD..YYYY-MM-DD.</summary>
        public string SurveyPeriod { get; set; }
        /// <summary>"beslutning" or "orientering".</summary>
        public string Status { get; set; }
    }

    /// <summary>Options of a match.</summary>
    public sealed class MatchOptions
    {
        /// <summary>Ingredients returned (at least 1).</summary>
        public uint Top { get; set; }
        /// <summary>Interventions retrieved for the distillation (at least 1).</summary>
        public uint Retrieve { get; set; }
        /// <summary>The language of the result's texts (reasons, warnings).</summary>
        public Lang Lang { get; set; }

        /// <summary>The library's defaults (tm_match_options_default).</summary>
        public MatchOptions()
        {
            var d = Native.tm_match_options_default();
            Top = d.Top;
            Retrieve = d.Retrieve;
            Lang = (Lang)d.Lang;
        }

        internal NativeMatchOptions ToNative() => new NativeMatchOptions { Top = Top, Retrieve = Retrieve, Lang = (uint)Lang };
    }

    /// <summary>Options of a portfolio analysis.</summary>
    public sealed class PortfolioOptions
    {
        /// <summary>Payback horizon in years, 1–100.</summary>
        public int Horizon { get; set; }
        /// <summary>Analysis year; null = the file's `year`.</summary>
        public int? Year { get; set; }
        /// <summary>The language of the analysis's texts.</summary>
        public Lang Lang { get; set; }

        /// <summary>The library's defaults (tm_portfolio_options_default).</summary>
        public PortfolioOptions()
        {
            var d = Native.tm_portfolio_options_default();
            Horizon = d.Horizon;
            Lang = (Lang)d.Lang;
        }

        internal NativePortfolioOptions ToNative() =>
            new NativePortfolioOptions { Horizon = Horizon, Year = Year ?? 0, Lang = (uint)Lang };
    }

    /// <summary>Options of a plan (docs/plan.md).</summary>
    public sealed class PlanOptions
    {
        /// <summary>First plan year; null = the portfolio's `year`.</summary>
        public int? StartYear { get; set; }
        /// <summary>Plan years, 1–10.</summary>
        public int Years { get; set; }
        /// <summary>Leader hours per department per year.</summary>
        public double CapacityHours { get; set; }
        /// <summary>Election years; null = every fourth year from 2025.</summary>
        public IList<int> Elections { get; set; }
        /// <summary>The language of PlanAction.Title.</summary>
        public Lang Lang { get; set; }
        /// <summary>Quarters over which a closed initiative phases out (1–4).</summary>
        public int PhaseOutQuarters { get; set; }
        /// <summary>Named departments' own leader hours per year (others get CapacityHours).</summary>
        public IDictionary<string, double> DepartmentCapacity { get; set; } = new Dictionary<string, double>();
        /// <summary>Months (1–12) of the budget year's steps by name, e.g. { "adoption", 10 }.</summary>
        public IDictionary<string, int> BudgetMonths { get; set; } = new Dictionary<string, int>();

        /// <summary>The library's defaults (tm_plan_options_default).</summary>
        public PlanOptions()
        {
            var d = Native.tm_plan_options_default();
            Years = d.Years;
            CapacityHours = d.CapacityHours;
            Lang = (Lang)d.Lang;
            PhaseOutQuarters = (int)d.PhaseOutQuarters;
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
            if (PhaseOutQuarters < 0) throw new ArgumentOutOfRangeException(nameof(PhaseOutQuarters));
            o.PhaseOutQuarters = (uint)PhaseOutQuarters;
            var names = new List<string>((DepartmentCapacity ?? new Dictionary<string, double>()).Keys);
            var hours = new List<double>();
            foreach (var n in names) hours.Add(DepartmentCapacity[n]);
            o.DepartmentNames = memory.Array(names);
            o.DepartmentHours = memory.Doubles(hours);
            o.DepartmentCount = (UIntPtr)names.Count;
            var steps = new List<string>((BudgetMonths ?? new Dictionary<string, int>()).Keys);
            var months = new List<int>();
            foreach (var n in steps) months.Add(BudgetMonths[n]);
            o.BudgetMonthNames = memory.Array(steps);
            o.BudgetMonths = memory.Ints(months);
            o.BudgetMonthCount = (UIntPtr)steps.Count;
            return o;
        }
    }

    /// <summary>One dimension's figures; a figure that is not reported is null.</summary>
    public sealed class DimensionResult
    {
        /// <summary>The dimension's id in the model (e.g. "D1").</summary>
        public string Id { get; }
        /// <summary>The mean score on the model's scale; null when not reported.</summary>
        public double? Score { get; }
        /// <summary>The level (the scoring contract's rule, docs/scoring.md); 0 when there is no score.</summary>
        public int Level { get; }
        /// <summary>The score minus its level's boundary (0 at the top level); null when not reported.</summary>
        public double? Progress { get; }
        /// <summary>Lower end of the score's interval; null without bootstrap or when withheld.</summary>
        public double? CiLow { get; }
        /// <summary>Upper end of the score's interval; null without bootstrap or when withheld.</summary>
        public double? CiHigh { get; }
        /// <summary>Cronbach's alpha of the dimension's items; null when withheld.</summary>
        public double? Alpha { get; }
        /// <summary>Respondents behind the score.</summary>
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

    /// <summary>A perception gap (a − b on the common items); a withheld figure is null.</summary>
    public sealed class Gap
    {
        /// <summary>The difference a − b on the common items.</summary>
        public double? Diff { get; }
        /// <summary>Lower end of the Welch interval of the difference.</summary>
        public double? CiLow { get; }
        /// <summary>Upper end of the Welch interval of the difference.</summary>
        public double? CiHigh { get; }
        /// <summary>The raw Welch p-value.</summary>
        public double? P { get; }
        /// <summary>The Holm-adjusted p-value (over all gaps of the assessment).</summary>
        public double? PAdjusted { get; }
        /// <summary>Whether the adjusted p-value is significant; null when withheld.</summary>
        public bool? Significant { get; }
        /// <summary>Items asked of both roles.</summary>
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

    /// <summary>A ranked ingredient.</summary>
    public sealed class Ingredient
    {
        /// <summary>The ingredient's id in the catalog.</summary>
        public string Id { get; }
        /// <summary>The ingredient's ranking score.</summary>
        public double Score { get; }
        internal Ingredient(string id, double score) { Id = id; Score = score; }
    }

    /// <summary>One planned action; strings are copies.</summary>
    public sealed class PlanAction
    {
        /// <summary>The action's id.</summary>
        public string Id { get; }
        /// <summary>The JSON kind, e.g. "close", "secure_in_budget".</summary>
        public string Kind { get; }
        /// <summary>The action's title in PlanOptions.Lang.</summary>
        public string Title { get; }
        /// <summary>The year the action is planned in.</summary>
        public int Year { get; }
        /// <summary>The quarter (1–4) the action is planned in.</summary>
        public int Quarter { get; }
        /// <summary>Leader hours the action takes.</summary>
        public double Hours { get; }
        /// <summary>The cost in kroner; null when unknown.</summary>
        public double? CostKr { get; }
        /// <summary>The budget that decides the cost; null = none.</summary>
        public int? BudgetYear { get; }
        /// <summary>null when the owner is to be decided.</summary>
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
