// Issue 31 through the C# face, on surveys of its own (the sample generator, model
// dtm@2026.1 named explicitly): the breakdown by department and the differencing attack
// (departments of 6, 5 and 1: whole minus the others), the municipality, an assessment read
// back from JSON, structured error fields, typed labels and tables, index and null checks,
// and Dispose on one thread while others read borrowed strings.
using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Threading;
using TransformModel;

static class Faces
{
    internal static int Failures = 0;

    static void Check(bool ok, string what)
    {
        if (!ok) { Failures++; Console.Error.WriteLine("FAILED: " + what); }
    }

    static void Throws<T>(Action action, string what) where T : Exception
    {
        try { action(); Check(false, what + ": no exception"); }
        catch (T) { }
        catch (Exception e) { Check(false, what + ": " + e.GetType().Name + " " + e.Message); }
    }

    internal static void Run(string scratch)
    {
        using (var model = Model.Bundled("dtm@2026.1"))
        {
            Attack(model);
            ErrorFields(model);
            Labels(model);
            Tables(model, scratch);
            Checks(model);
            Concurrency(model);
        }
    }

    /// 12 politicians in departments A (6), B (5) and C (1), pooled weighting: the whole's score
    /// is every respondent's mean, so 12·whole − 6·A − 5·B would be C's lone respondent.
    static string Departments(Model model)
    {
        var csv = model.SampleCsv(0, 31, new Dictionary<string, long> { { "politician", 12 } });
        var lines = csv.TrimEnd('\n').Split('\n');
        var sb = new StringBuilder(lines[0] + ",department\n");
        for (int r = 1; r < lines.Length; r++) sb.Append(lines[r]).Append(r <= 6 ? ",A\n" : r <= 11 ? ",B\n" : ",C\n");
        return sb.ToString();
    }

    static void Attack(Model model)
    {
        var csv = Departments(model);
        var o = new AssessOptions { Bootstrap = 0, Weighting = Weighting.Pooled, UnitColumns = new List<string> { "department" } };
        using (var a = model.AssessCsv(csv, o))
        {
            long k = o.MinGroupSize;
            var units = a.Units();
            Check(units.Count >= 3 && units.Count == a.UnitCount, "three departments at least");
            var s = a.Suppression;
            Check(s.Primary >= 1 && s.Secondary >= 1, $"suppression primary {s.Primary}, secondary {s.Secondary}");
            bool sawC = false;
            int recoverable = 0;
            for (int d = 0; d < a.DimensionCount; d++)
            {
                var whole = a.Dimension(d);
                if (!whole.Score.HasValue) continue;
                long published = 0;
                double sum = 0;
                foreach (var u in units)
                {
                    if (u.Unit != null || u.Role != null) continue;
                    var ud = u.Dimensions[d];
                    Check(ud.Id == whole.Id, "unit dimension id");
                    if (u.Department == "C") { sawC = true; Check(ud.Score == null && ud.N == null, "C is withheld"); }
                    if (ud.Score.HasValue && ud.N.HasValue) { Check(ud.N >= k, "published cell of k or more"); published += ud.N.Value; sum += ud.Score.Value * ud.N.Value; }
                }
                long rest = whole.N - published;
                if (rest > 0 && rest < k)
                {
                    recoverable++;
                    Console.Error.WriteLine($"{whole.Id}: {rest} respondent(s) recoverable, mean {(whole.Score.Value * whole.N - sum) / rest}");
                }
            }
            Check(sawC, "department C listed");
            Check(recoverable == 0, "the differencing attack recovers nothing");
            Throws<ArgumentOutOfRangeException>(() => a.Unit(-1), "unit -1");
            Throws<IndexOutOfResultException>(() => a.Unit(units.Count), "unit past the end");

            // Read back from JSON: the same breakdown and counts.
            using (var back = Assessment.FromJson(a.ToJson()))
                Check(back.UnitCount == a.UnitCount && back.Suppression.Secondary == s.Secondary, "assessment from JSON");
            Throws<DataRuleException>(() => Assessment.FromJson("{\"not\": 1}"), "not an assessment");
            // The earlier publication audited against; the municipality recorded.
            using (var audited = model.AssessCsv(csv, new AssessOptions { Bootstrap = 0, AuditAgainst = new List<Assessment> { a } })) Check(audited.UnitCount == 0, "audited, no breakdown");
            using (var coded = model.AssessCsv(csv, new AssessOptions { Bootstrap = 0, Municipality = "760" }))
                Check(coded.ToJson().Contains("\"code\": \"760\""), "municipality recorded");
            Throws<TransformModelException>(() => model.AssessCsv(csv, new AssessOptions { Bootstrap = 0, Municipality = "999" }), "unknown municipality");
        }
    }

    static void ErrorFields(Model model)
    {
        try
        {
            model.AssessCsv("respondent,role,D1_1\nA,politician,4\nB,politician,9\n", new AssessOptions { Bootstrap = 0 });
            Check(false, "value 9 accepted");
        }
        catch (DataRuleException e)
        {
            Check(e.Row == 3 && e.Column == "D1_1" && e.Value == "9" && e.Respondent == "B",
                $"error fields row {e.Row} column {e.Column} value {e.Value} respondent {e.Respondent}");
        }
        try { Assessment.FromJson("[]"); }
        catch (TransformModelException e) { Check(e.Row == null && e.Column == null, "no fields for a JSON error"); }
    }

    static void Labels(Model model)
    {
        Check(model.LabelCount(LabelKind.Dimension) == model.DimensionCount, "dimension labels");
        Check(model.LabelCount(LabelKind.Item) == model.ItemCount, "item labels");
        var d1 = model.Label(LabelKind.Dimension, 0, Lang.Da);
        var d1en = model.Label(LabelKind.Dimension, 0, Lang.En);
        Check(d1.Id == "D1" && d1en.Id == "D1" && d1.Text.Length > 0 && d1.Text != d1en.Text, "D1 in two languages");
        Check(model.Labels(LabelKind.Level).Count == 5 && model.Labels(LabelKind.Level)[4].Id == "5", "five levels");
        Check(model.Labels(LabelKind.Role).Count >= 1 && model.Labels(LabelKind.Lever).Count >= 1, "roles and levers");
        Throws<IndexOutOfResultException>(() => model.Label(LabelKind.Dimension, model.DimensionCount), "label past the end");
        using (var newer = Model.Bundled("dtm@2026.2"))
        {
            Check(model.ItemChangesJson(newer).Contains("\"dimension\""), "item changes between versions");
            Check(model.ItemChangesJson(model) == "[]", "no item changes within a version");
            // A baseline on the older version lists them in the assessment.
            using (var old = model.AssessCsv(model.SampleCsv(60, 1), new AssessOptions { Bootstrap = 0 }))
            using (var now = newer.AssessCsv(newer.SampleCsv(60, 2), new AssessOptions { Bootstrap = 0, Baseline = old }))
                Check(now.ToJson().Contains("\"item_changes\""), "item changes in the baseline");
        }
    }

    static void CheckTable(Table t, string scratch, string name)
    {
        Check(t.ColumnCount >= 2 && t.SectionCount >= 1, name + " table shape");
        int numbers = 0, texts = 0;
        for (int s = 0; s < t.SectionCount; s++)
        {
            Check(t.Section(s).Length > 0, name + " section name");
            for (int r = 0; r < t.RowCount(s); r++)
                for (int c = 0; c < t.ColumnCount; c++)
                {
                    var cell = t.Cell(s, r, c);
                    if (cell.Kind == CellKind.Text) { texts++; Check(cell.Text != null && cell.Number == null, "text cell"); }
                    else if (cell.Kind == CellKind.Number || cell.Kind == CellKind.Kroner) { numbers++; Check(cell.Number.HasValue && cell.Text == null, "number cell"); }
                    else Check(cell.Text == null && cell.Number == null, "empty cell");
                }
        }
        Check(numbers > 0 && texts > 0, name + " typed cells");
        var path = Path.Combine(scratch, name + ".csv");
        t.Export(ExportFormat.Csv, path);
        Check(File.ReadAllText(path).Contains(t.Column(0)), name + " csv has the header");
        var book = Path.Combine(scratch, name + ".xlsx");
        t.Export(ExportFormat.Xlsx, book);
        var bytes = File.ReadAllBytes(book);
        Check(bytes.Length > 2 && bytes[0] == (byte)'P' && bytes[1] == (byte)'K', name + " workbook");
        Throws<ArgumentOutOfRangeException>(() => t.Cell(0, -1, 0), "cell row -1");
        Throws<IndexOutOfResultException>(() => t.Cell(0, 0, t.ColumnCount), "cell past the last column");
        Throws<FileAccessException>(() => t.Export(ExportFormat.Csv, Path.Combine(scratch, "no-such-folder", "x.csv")), "export to a missing folder");
    }

    static void Tables(Model model, string scratch)
    {
        using (var a = model.AssessCsv(model.SampleCsv(80, 5), new AssessOptions { Bootstrap = 0 }))
        using (var portfolio = Portfolio.Sample())
        using (var catalog = Catalog.Sample())
        using (var match = catalog.Match("ældre medicin i hjemmeplejen"))
        using (var plan = Plan.Create(model, a, portfolio, catalog, new PlanOptions { StartYear = 2026 }))
        {
            using (var t = a.Table(Lang.Da)) CheckTable(t, scratch, "assessment");
            using (var t = portfolio.Table(new PortfolioOptions { Lang = Lang.En })) CheckTable(t, scratch, "portfolio");
            using (var t = match.Table(Lang.En)) CheckTable(t, scratch, "match");
            using (var t = plan.Table(Lang.Da)) CheckTable(t, scratch, "plan");
            // The report with a plan, and the council paper's own inputs.
            Check(a.ToHtml(model, portfolio, catalog, plan).Contains("<html"), "report with a plan");
            var paper = new PaperOptions { Municipality = "760", Committee = "Økonomiudvalget", MeetingDate = "2026-05-12",
                SurveyPeriod = "2026-03-02..2026-03-20", Status = "orientering" };
            var html = a.ToHtml(model, paper: paper);
            Check(html.Contains("Ringkøbing-Skjern Kommune") && html.Contains("orienteringen tages til efterretning."), "paper options");
            try { a.ToHtml(model, paper: new PaperOptions { Status = "besluttet" }); Check(false, "status besluttet accepted"); }
            catch (InvalidOptionException e) { Check(e.Message.Contains("besluttet"), "bad status named"); }
            Check(model.PilotGuide("frontline").Length > 100, "pilot guide");
            // The CLI's --department-capacity, --budget-month and --phase-out-quarters.
            var tuned = new PlanOptions { StartYear = 2026, PhaseOutQuarters = 2 };
            Check(tuned.PhaseOutQuarters == 2 && new PlanOptions().PhaseOutQuarters == 1, "phase-out default 1");
            tuned.DepartmentCapacity["Sundhed og Omsorg"] = 400;
            tuned.BudgetMonths["adoption"] = 10;
            using (var p2 = Plan.Create(model, a, portfolio, catalog, tuned)) Check(p2.PhaseCount == 5, "plan with department capacity and budget months");
            tuned.BudgetMonths.Clear();
            tuned.BudgetMonths["adopption"] = 10;
            try { Plan.Create(model, a, portfolio, catalog, tuned); Check(false, "unknown budget step accepted"); }
            catch (InvalidOptionException e) { Check(e.Message.Contains("adopption"), "unknown budget step named"); }
        }
    }

    /// Every accessor checks its index; null objects are ArgumentNullException.
    static void Checks(Model model)
    {
        using (var a = model.AssessCsv(model.SampleCsv(40, 3), new AssessOptions { Bootstrap = 0 }))
        using (var plan = Plan.Create(model, a, null, null, new PlanOptions { StartYear = 2026 }))
        {
            Throws<ArgumentOutOfRangeException>(() => plan.ActionCount(-5), "ActionCount(-5)");
            Throws<ArgumentOutOfRangeException>(() => plan.Action(-1, 0), "Action(-1, 0)");
            Throws<ArgumentOutOfRangeException>(() => a.Dimension(-1), "Dimension(-1)");
            Throws<ArgumentOutOfRangeException>(() => a.Gap(-1), "Gap(-1)");
            Throws<ArgumentOutOfRangeException>(() => a.Figure(-1, Figure.Gap), "Figure(-1)");
            Throws<ArgumentOutOfRangeException>(() => model.Label(LabelKind.Item, -1), "Label(-1)");
            Throws<ArgumentNullException>(() => a.ToText(null, Lang.Da), "ToText(null)");
            Throws<ArgumentNullException>(() => a.CompareJson(null), "CompareJson(null)");
            Throws<ArgumentNullException>(() => Plan.Create(null, a), "Plan.Create(null model)");
            Throws<ArgumentNullException>(() => Plan.Create(model, null), "Plan.Create(null assessment)");
            Throws<ArgumentNullException>(() => model.AssessCsv(null), "AssessCsv(null)");
            Throws<ArgumentNullException>(() => model.ItemChangesJson(null), "ItemChangesJson(null)");
            Throws<ArgumentNullException>(() => Assessment.FromJson(null), "FromJson(null)");
        }
    }

    /// Readers copy borrowed strings (ids, titles) while another thread disposes: each read
    /// returns the right string or throws ObjectDisposedException, nothing else, ever.
    static void Concurrency(Model model)
    {
        var csv = model.SampleCsv(60, 9);
        string[] ids = new string[model.DimensionCount];
        for (int i = 0; i < ids.Length; i++) ids[i] = model.Label(LabelKind.Dimension, i).Id;
        int tries = 300, wrong = 0, disposed = 0, ok = 0;
        var errors = new List<string>();
        for (int t = 0; t < tries; t++)
        {
            var a = model.AssessCsv(csv, new AssessOptions { Bootstrap = 0 });
            var start = new ManualResetEventSlim(false);
            var readers = new Thread[3];
            for (int r = 0; r < readers.Length; r++)
            {
                readers[r] = new Thread(() =>
                {
                    start.Wait();
                    for (int j = 0; j < 200; j++)
                    {
                        int d = j % ids.Length;
                        try
                        {
                            var id = a.Dimension(d).Id;
                            if (id == ids[d]) Interlocked.Increment(ref ok); else Interlocked.Increment(ref wrong);
                        }
                        catch (ObjectDisposedException) { Interlocked.Increment(ref disposed); return; }
                        catch (Exception e) { lock (errors) errors.Add(e.GetType().Name + ": " + e.Message); return; }
                    }
                });
                readers[r].Start();
            }
            start.Set();
            Thread.SpinWait(50 * (t % 20));
            a.Dispose();
            foreach (var r in readers) r.Join();
        }
        Check(errors.Count == 0, "concurrent Dispose: only ObjectDisposedException (" + (errors.Count > 0 ? errors[0] : "") + ")");
        Check(wrong == 0, $"concurrent Dispose: {wrong} garbage id(s)");
        Check(ok > 0 && disposed > 0, $"concurrent Dispose: {ok} reads, {disposed} disposed (both happened)");
    }
}
