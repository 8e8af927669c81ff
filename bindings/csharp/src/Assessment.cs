// The result of an assessment (immutable; share between threads).
using System;
using System.Collections.Generic;
using TransformModel.Interop;

namespace TransformModel
{
    /// <summary>The result of an assessment (immutable; share between threads).</summary>
    public sealed class Assessment : IDisposable
    {
        internal readonly AssessmentHandle Handle;
        internal Assessment(AssessmentHandle h) { Handle = h; }

        /// <summary>The full assessment as JSON, the same as the CLI's `assess`.</summary>
        public string ToJson() => Library.TakeString((out IntPtr s) => Native.tm_assessment_to_json(Handle, out s));

        /// <summary>The CLI's table text in a language, with the labels of `model` (the model it was made with).</summary>
        public string ToText(Model model, Lang lang) =>
            Library.TakeString((out IntPtr s) =>
                Native.tm_assessment_to_text(Handle, Library.NotNull(model, nameof(model)).Handle, (uint)lang, out s));

        /// <summary>Reads an assessment written by ToJson (or the CLI's `assess`): an earlier round, or one to report.</summary>
        public static Assessment FromJson(string json)
        {
            var j = Utf8.Encode(Library.NotNull(json, nameof(json)));
            return new Assessment(Library.Make((out AssessmentHandle a) => Native.tm_assessment_from_json(j, out a)));
        }

        /// <summary>
        /// The self-contained HTML report (the CLI's `report`): `model` is the one the assessment
        /// was made with; portfolio, catalog and plan may be null; `invited` gives the people
        /// invited per role id, for the response rate.
        /// </summary>
        public string ToHtml(Model model, Portfolio portfolio = null, Catalog catalog = null, Plan plan = null,
            Lang lang = Lang.Da, IDictionary<string, long> invited = null, PaperOptions paper = null)
        {
            if (model == null) throw new ArgumentNullException("model");
            using (var strings = new UnmanagedStrings())
            {
                var o = Native.tm_report_options_default();
                o.Lang = (uint)lang;
                if (invited != null && invited.Count > 0)
                {
                    var roles = new List<string>(invited.Keys);
                    var counts = new List<long>();
                    foreach (var r in roles) counts.Add(invited[r]);
                    o.InvitedRoles = strings.Array(roles);
                    o.InvitedCounts = strings.Sizes(counts);
                    o.InvitedCount = (UIntPtr)roles.Count;
                }
                var p = portfolio != null ? portfolio.Handle : PortfolioHandle.Null;
                var c = catalog != null ? catalog.Handle : CatalogHandle.Null;
                var pl = plan != null ? plan.Handle : PlanHandle.Null;
                // tm_paper_options: five string pointers (tm_sizeof_paper_options is checked at start-up).
                IntPtr paperPtr = IntPtr.Zero;
                if (paper != null)
                {
                    paperPtr = strings.Array(new List<string> { "", "", "", "", "" });
                    var fields = new[] { paper.Municipality, paper.Committee, paper.MeetingDate, paper.SurveyPeriod, paper.Status };
                    for (int i = 0; i < fields.Length; i++)
                        System.Runtime.InteropServices.Marshal.WriteIntPtr(paperPtr, i * IntPtr.Size, strings.String(fields[i]));
                }
                if (paper == null)
                    return Library.TakeString((out IntPtr s) => Native.tm_report_html(model.Handle, Handle, p, c, pl, ref o, out s));
                return Library.TakeString((out IntPtr s) => Native.tm_report_html_paper(model.Handle, Handle, p, c, pl, ref o, paperPtr, out s));
            }
        }

        /// <summary>The overall (staged) level and mean score; DataRuleException when no dimension has a score.</summary>
        public void GetOverall(out double score, out int level)
        {
            Errors.Check(Native.tm_assessment_overall(Handle, out score, out level));
        }

        /// <summary>The number of dimensions (the model's).</summary>
        public int DimensionCount => (int)(ulong)Native.tm_assessment_dimension_count(Handle);

        /// <summary>Respondents left out of every figure to protect anonymity.</summary>
        public long Excluded => (long)(ulong)Native.tm_assessment_excluded(Handle);

        /// <summary>Dimension `index` (model order); its id is copied before this call returns.</summary>
        public DimensionResult Dimension(int index)
        {
            var at = Library.Index(index, nameof(index));
            return Library.Held(Handle, "assessment", () =>
            {
                Errors.Check(Native.tm_assessment_dimension(Handle, at, out NativeDimensionResult d));
                return new DimensionResult(d, Utf8.Copy(d.Id));
            });
        }

        /// <summary>The number of cells of the breakdown by unit (AssessOptions.UnitColumns); 0 without one.</summary>
        public int UnitCount => (int)(ulong)Native.tm_assessment_unit_count(Handle);

        /// <summary>
        /// Cell `index` of the breakdown with its figures per dimension (suppressed figures are
        /// null), copied while the assessment is held.
        /// </summary>
        public UnitResult Unit(int index)
        {
            var at = Library.Index(index, nameof(index));
            return Library.Held(Handle, "assessment", () =>
            {
                Errors.Check(Native.tm_assessment_unit(Handle, at, out NativeUnitResult u));
                var dims = new List<UnitDimension>();
                for (ulong d = 0; d < (ulong)u.DimensionCount; d++)
                {
                    Errors.Check(Native.tm_assessment_unit_dimension(Handle, at, (UIntPtr)d, out NativeUnitDimension ud));
                    dims.Add(new UnitDimension(ud, Utf8.Copy(ud.Id)));
                }
                return new UnitResult(u, Utf8.Copy(u.Department), Utf8.Copy(u.Unit), Utf8.Copy(u.Role), dims);
            });
        }

        /// <summary>Every cell of the breakdown (the order of the JSON `units`).</summary>
        public IReadOnlyList<UnitResult> Units()
        {
            var list = new List<UnitResult>();
            for (int i = 0; i < UnitCount; i++) list.Add(Unit(i));
            return list;
        }

        /// <summary>How many cells disclosure control withheld over everything this assessment publishes.</summary>
        public Suppression Suppression
        {
            get
            {
                Errors.Check(Native.tm_assessment_suppression(Handle, out UIntPtr primary, out UIntPtr secondary));
                return new Suppression((long)(ulong)primary, (long)(ulong)secondary);
            }
        }

        /// <summary>The assessment's table (the CLI's `assess --format csv|xlsx`) as typed cells, in `lang`.</summary>
        public Table Table(Lang lang = Lang.Da) =>
            new Table(Library.Make((out TableHandle t) => Native.tm_assessment_table(Handle, (uint)lang, out t)));

        /// <summary>Every dimension's figures, in model order.</summary>
        public IReadOnlyList<DimensionResult> Dimensions()
        {
            var list = new List<DimensionResult>();
            for (int i = 0; i < DimensionCount; i++) list.Add(Dimension(i));
            return list;
        }

        /// <summary>
        /// One figure of dimension `index`; null when it is not reported (anonymity, too few
        /// answers, no bootstrap). Other failures throw.
        /// </summary>
        public double? Figure(int index, Figure figure)
        {
            var status = Native.tm_assessment_dimension_figure(Handle, Library.Index(index, nameof(index)), (uint)figure, out double value);
            if (status == Status.ValidationError) return null;
            Errors.Check(status);
            return value;
        }

        /// <summary>The number of perception gaps (the JSON `gaps`).</summary>
        public int GapCount => (int)(ulong)Native.tm_assessment_gap_count(Handle);

        /// <summary>Gap `index` (the order of the JSON `gaps`).</summary>
        public Gap Gap(int index)
        {
            Errors.Check(Native.tm_assessment_gap(Handle, Library.Index(index, nameof(index)), out NativeGap g));
            return new Gap(g);
        }

        /// <summary>The changes since `baseline` (an earlier round) as the round_comparison JSON.</summary>
        public string CompareJson(Assessment baseline) =>
            Library.TakeString((out IntPtr s) =>
                Native.tm_assessment_compare_json(Handle, Library.NotNull(baseline, nameof(baseline)).Handle, out s));

        /// <summary>Frees the native assessment (once; later calls do nothing).</summary>
        public void Dispose() => Handle.Dispose();
    }
}
