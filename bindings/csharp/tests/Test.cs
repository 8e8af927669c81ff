// Calls every function of the C API through TransformModel.dll at least once (mono logs
// each P/Invoke it binds; scripts/test-csharp.sh compares that list with the header), checks
// figures against the Rust CLI, the exception family of each status, the struct sizes
// against tm_sizeof_*(), and that out-structs pre-filled with 0xFF read correctly through
// declarations with .NET's default marshalling.
// Usage: mono TransformModel.Tests.exe SAMPLE.csv EXPECTED_SCORE EXPECTED_TOP CATALOG.json PORTFOLIO.json SCRATCH_DIR
using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Runtime.InteropServices;
using System.Text;
using TransformModel;
using TransformModel.Interop;

static class Test
{
    static int failures = 0;

    static void Check(bool ok, string what)
    {
        if (!ok) { failures++; Console.Error.WriteLine("FAILED: " + what); }
    }

    static void Throws<T>(Action action, string needle, string what) where T : TransformModelException
    {
        try { action(); Check(false, what + ": no exception"); }
        catch (T e) { Check(e.Message.Contains(needle), what + ": message " + e.Message); }
        catch (Exception e) { Check(false, what + ": " + e.GetType().Name + " " + e.Message); }
    }

    static int Main(string[] args)
    {
        string csvPath = args[0], catalogPath = args[3], portfolioPath = args[4], scratch = args[5];
        double expected = double.Parse(args[1], CultureInfo.InvariantCulture);
        string expectedTop = args[2];
        string csv = File.ReadAllText(csvPath);

        Library.EnsureCompatible();
        Check(Library.Version == "0.1.0" || Library.Version.Length >= 5, "version " + Library.Version);
        Check(Library.AbiVersion == Library.ExpectedAbiVersion, "abi version");
        Sizes();

        using (var model = Model.Default())
        {
            Check(model.DimensionCount == 10 && model.ItemCount == 68, "model counts"); // dtm 2027.1: models/dtm-2027.1.json
            var json = model.ToJson();
            using (var again = Model.FromJson(json)) Check(again.ItemCount == 68, "model from JSON");
            var modelFile = Path.Combine(scratch, "model.json");
            File.WriteAllText(modelFile, json);
            using (var fromFile = Model.FromFile(modelFile)) Check(fromFile.DimensionCount == 10, "model from file");
            using (var ci = Model.Bundled("ci")) Check(ci.DimensionCount > 0, "bundled ci");
            using (var overlaid = model.Overlay("{\"items\":[{\"id\":\"D1_99\",\"dimension\":\"D1\",\"roles\":[\"politician\"],\"referent\":\"municipality\",\"text\":{\"da\":\"x\",\"en\":\"x\"}}]}"))
                Check(overlaid.ItemCount == 69, "overlay adds one item"); // a new id, asked of a role that judges D1
            Throws<InvalidOptionException>(() => Model.Bundled("nope"), "nope", "unknown bundled model");
            Throws<ParseException>(() => Model.FromJson("{"), "", "bad model JSON");
            Throws<FileAccessException>(() => Model.FromFile("/nonexistent/model.json"), "/nonexistent", "missing model file");

            AssessAndPlan(model, csv, csvPath, expected, portfolioPath, scratch);

            var items = model.ItemAnalysisJson(csv);
            Check(items.Contains("\"items\""), "item analysis");
            var byRole = model.ItemAnalysisJson(csv, 4, true, true);
            Check(byRole != items, "item analysis by role differs");
            Throws<InvalidOptionException>(() => model.ItemAnalysisJson(csv, 4, false, false), "allow_small_groups", "items k=4");
            var form = Path.Combine(scratch, "form.html");
            model.WriteQuestionnaire("html", "frontline", "da", form);
            Check(File.ReadAllText(form).Contains("<html"), "questionnaire html");
            Throws<InvalidOptionException>(() => model.WriteQuestionnaire("pdf", null, "da", form), "pdf", "unknown format");
            var withUnits = Path.Combine(scratch, "form-units.html");
            model.WriteQuestionnaire("html", "frontline", "da", withUnits, new List<string> { "Børn og Unge", "Teknik" });
            Check(File.ReadAllText(withUnits).Contains("Hvilken enhed eller forvaltning arbejder du i?"), "questionnaire with the department question");
            Throws<InvalidOptionException>(() => model.WriteQuestionnaire("html", null, "da", withUnits, new List<string> { "Teknik", "frontline" }), "department `frontline`", "a unit named like a role");
        }

        Matching(expectedTop, catalogPath, scratch);
        Portfolios(portfolioPath);
        Faces.Run(scratch);
        failures += Faces.Failures;
        Reading.Run(scratch);
        failures += Reading.Failures;

        if (failures > 0) { Console.Error.WriteLine($"{failures} failure(s)"); return 1; }
        Console.WriteLine("csharp: all checks passed");
        return 0;
    }

    static void Sizes()
    {
        Check((ulong)Native.tm_sizeof_assess_options() == (ulong)Marshal.SizeOf(typeof(NativeAssessOptions)), "sizeof assess options");
        Check((ulong)Native.tm_sizeof_dimension_result() == (ulong)Marshal.SizeOf(typeof(NativeDimensionResult)), "sizeof dimension result");
        Check((ulong)Native.tm_sizeof_gap() == (ulong)Marshal.SizeOf(typeof(NativeGap)), "sizeof gap");
        Check((ulong)Native.tm_sizeof_match_options() == (ulong)Marshal.SizeOf(typeof(NativeMatchOptions)), "sizeof match options");
        Check((ulong)Native.tm_sizeof_plan_options() == (ulong)Marshal.SizeOf(typeof(NativePlanOptions)), "sizeof plan options");
        Check((ulong)Native.tm_sizeof_plan_action() == (ulong)Marshal.SizeOf(typeof(NativePlanAction)), "sizeof plan action");
        Check((ulong)Native.tm_sizeof_portfolio_options() == (ulong)Marshal.SizeOf(typeof(NativePortfolioOptions)), "sizeof portfolio options");
        Check((ulong)Native.tm_sizeof_report_options() == (ulong)Marshal.SizeOf(typeof(NativeReportOptions)), "sizeof report options");
        Check((ulong)Native.tm_sizeof_unit_result() == (ulong)Marshal.SizeOf(typeof(NativeUnitResult)), "sizeof unit result");
        Check((ulong)Native.tm_sizeof_unit_dimension() == (ulong)Marshal.SizeOf(typeof(NativeUnitDimension)), "sizeof unit dimension");
        Check((ulong)Native.tm_sizeof_cell() == (ulong)Marshal.SizeOf(typeof(NativeCell)), "sizeof cell");
        Check((ulong)Native.tm_sizeof_read_options() == (ulong)Marshal.SizeOf(typeof(NativeReadOptions)), "sizeof read options");
        Check((ulong)Native.tm_sizeof_items_options() == (ulong)Marshal.SizeOf(typeof(NativeItemsOptions)), "sizeof items options");
        Check(Marshal.SizeOf(typeof(NativeReadOptions)) == 11 * 8 + 8 && Marshal.SizeOf(typeof(NativeItemsOptions)) == 32, "read and items options sizes by hand");
        Check((ulong)Native.tm_sizeof_paper_options() == (ulong)(5 * IntPtr.Size), "sizeof paper options");
        // By hand (64-bit): 5 doubles + id + n + level + 4 bytes = 64.
        Check(Marshal.SizeOf(typeof(NativeDimensionResult)) == 64, "dimension result is 64 bytes");
    }

    /// The wide CSV as long JSON rows, one per answered cell.
    /// <summary>The CSV without its filter-question columns (F_…): long JSON holds item answers only.</summary>
    static string WithoutFilters(string csv)
    {
        var lines = csv.Replace("\r", "").Split(new[] { '\n' }, StringSplitOptions.RemoveEmptyEntries);
        var header = lines[0].Split(',');
        var keep = new List<int>();
        for (int c = 0; c < header.Length; c++) if (!header[c].StartsWith("F_")) keep.Add(c);
        var sb = new StringBuilder();
        foreach (var line in lines)
        {
            var cells = line.Split(',');
            var kept = new List<string>();
            foreach (var c in keep) kept.Add(c < cells.Length ? cells[c] : "");
            sb.Append(string.Join(",", kept)).Append('\n');
        }
        return sb.ToString();
    }

    static string LongJson(string csv)
    {
        var lines = csv.Replace("\r", "").Split(new[] { '\n' }, StringSplitOptions.RemoveEmptyEntries);
        var header = lines[0].Split(',');
        var sb = new StringBuilder("[");
        bool first = true;
        for (int r = 1; r < lines.Length; r++)
        {
            var cells = lines[r].Split(',');
            for (int c = 2; c < header.Length && c < cells.Length; c++)
            {
                if (cells[c].Length == 0) continue;
                sb.Append(first ? "" : ",").Append($"{{\"respondent\":\"{cells[0]}\",\"role\":\"{cells[1]}\",\"item\":\"{header[c]}\",\"value\":{cells[c]}}}");
                first = false;
            }
        }
        return sb.Append("]").ToString();
    }

    static void AssessAndPlan(Model model, string csv, string csvPath, double expected, string portfolioPath, string scratch)
    {
        var o = new AssessOptions { Bootstrap = 200, Seed = 7 };
        Check(o.MinGroupSize == 5 && !o.AllowSmallGroups && o.MinDispersionN == 10, "default options");
        using (var a = model.AssessFile(csvPath, o))
        using (var fromText = model.AssessCsv(csv, o))
        using (var fromLong = model.AssessJson(LongJson(WithoutFilters(csv)), o))
        using (var asked = model.AssessCsv(WithoutFilters(csv), o))
        {
            a.GetOverall(out double score, out int level);
            Check(Math.Abs(score - expected) < 1e-12, $"overall score {score} vs Rust {expected}");
            Check(level >= 1 && level <= 5, "overall level (the contract's rule, not floor(score))");
            fromText.GetOverall(out double s2, out int l2);
            fromLong.GetOverall(out double s3, out int l3);
            asked.GetOverall(out double s3csv, out int l3csv);
            // Long JSON has no filter answers (their items count as asked): it agrees with the
            // same CSV without the filter columns.
            Check(s2 == score && Math.Abs(s3 - s3csv) < 1e-12, $"csv text {s2} agrees with the file, long JSON {s3} with the CSV without filters {s3csv}");
            Check(a.Excluded == 4, "excluded for anonymity");
            Check(a.DimensionCount == 10, "10 dimensions");
            foreach (var d in a.Dimensions())
            {
                Check(d.Id.StartsWith("D") && d.Score.HasValue && d.Level >= 1 && d.Level <= 5, d.Id + " level");
                Check(d.CiLow.HasValue && d.CiLow <= d.Score && d.Score <= d.CiHigh, d.Id + " interval");
            }
            double? p1 = a.Figure(0, Figure.PLevel1), p2 = a.Figure(0, Figure.PLevel2), p3 = a.Figure(0, Figure.PLevel3),
                p4 = a.Figure(0, Figure.PLevel4), p5 = a.Figure(0, Figure.PLevel5);
            Check(Math.Abs(p1.Value + p2.Value + p3.Value + p4.Value + p5.Value - 1) < 1e-9, "P(level) sums to 1");
            Throws<InvalidOptionException>(() => a.Figure(0, (Figure)999), "999", "unknown figure");
            Throws<IndexOutOfResultException>(() => a.Dimension(10), "dimension 10", "dimension past the end");
            Check(a.GapCount > 0, "gaps");
            var g = a.Gap(0);
            Check(g.CommonItems >= 2 && (g.Significant == null || g.P.HasValue), "gap figures");
            Check(a.ToJson().Contains("\"schema_version\""), "assessment json");
            var da = a.ToText(model, Lang.Da);
            var en = a.ToText(model, Lang.En);
            Check(da != en && en.Contains("D1"), "text in two languages");
            var compare = a.CompareJson(fromText);
            Check(compare.Contains("\"changes\"") && compare.Contains("\"change\": 0.0"), "round comparison json (same answers: no change)");

            // Baseline and ignore_columns (parity with the CLI and Python).
            var withBaseline = new AssessOptions { Bootstrap = 0, Baseline = a };
            using (var b = model.AssessCsv(csv, withBaseline)) Check(b.ToJson().Contains("\"baseline\": {"), "baseline in the result");
            var extra = csv.Replace("\n", ",x\n").Replace("respondent,role,", "respondent,role,").Replace("D7_5,x", "D7_5,x");
            var header = csv.Substring(0, csv.IndexOf('\n'));
            extra = header + ",timestamp" + extra.Substring(extra.IndexOf('\n'));
            Throws<DataRuleException>(() => model.AssessCsv(extra, new AssessOptions { Bootstrap = 0 }), "tm_assess_options.ignore_columns", "unknown column hint");
            using (var skipped = model.AssessCsv(extra, new AssessOptions { Bootstrap = 0, IgnoreColumns = new List<string> { "timestamp" } }))
            {
                skipped.GetOverall(out double s4, out int l4);
                Check(s4 == score, "ignored column changes nothing");
            }

            // Dispersion withheld: every has_ci flag must read 0 from a buffer pre-filled with 0xFF.
            using (var noCi = model.AssessCsv(csv, new AssessOptions { Bootstrap = 0, MinDispersionN = 1000 }))
                PaddingTest(noCi);

            // The report (the CLI's HTML) and the national benchmark of three municipalities.
            // Every role that answered has its invited count; a partial list is refused, naming the rest.
            var invited = new Dictionary<string, long> {
                { "politician", 31 }, { "top_manager", 14 }, { "middle_manager", 40 }, { "frontline", 120 }, { "external_partner", 12 } }; // each ≥ the sample's 4/12/24/30/8 who answered
            string html = a.ToHtml(model, null, null, null, Lang.Da, invited);
            Throws<InvalidOptionException>(() => a.ToHtml(model, null, null, null, Lang.Da, new Dictionary<string, long> { { "frontline", 120 } }),
                "middle_manager", "partial invited");
            Check(html.StartsWith("<!DOCTYPE html>") && html.Contains("<svg") && html.Contains("Dimensionerne"), "report html");
            var published = new List<string>();
            foreach (var code in new[] { "101", "147", "751" })
                published.Add("{\"municipality\": {\"code\": \"" + code + "\", \"name\": \"K" + code + "\"}," + a.ToJson().Substring(1));
            string bench = Benchmark.Json(published, "147", "all");
            Check(bench.Contains("\"schema_version\"") && bench.Contains("\"code\": \"147\""), "benchmark json");
            Throws<DataRuleException>(() => Benchmark.Json(published.GetRange(0, 2), null, "all"), "at least 3", "benchmark of two");
            string benchCsv = Benchmark.Text(published, BenchmarkFormat.Csv, Lang.En, "147", "all");
            Check(benchCsv.StartsWith("dimension,n,") && benchCsv.TrimEnd('\n').Split('\n').Length == a.DimensionCount + 1, "benchmark csv: a row per dimension");
            Check(Benchmark.Text(published, BenchmarkFormat.Table, Lang.Da, "147").StartsWith("Benchmark: 3 kommuner"), "benchmark table in Danish");

            // The plan.
            using (var portfolio = Portfolio.FromFile(portfolioPath))
            using (var plan = Plan.Create(model, a, portfolio, null, new PlanOptions { StartYear = 2026, Lang = Lang.En }))
            {
                Check(plan.PhaseCount == 5, "five plan years");
                int actions = 0;
                for (int ph = 0; ph < plan.PhaseCount; ph++)
                    foreach (var act in plan.Actions(ph))
                    {
                        actions++;
                        Check(act.Year == 2026 + ph && act.Quarter >= 1 && act.Quarter <= 4 && act.Id.Length > 0 && act.Title.Length > 0, "action " + act.Id);
                        // Money always names the budget year that decides it (a closure's decision
                        // has a budget year without a cost: its saving may be "ikke opgjort").
                        Check(!act.CostKr.HasValue || act.BudgetYear != null, "a cost has its budget year");
                    }
                Check(actions > 0 && plan.DeferredCount >= 0, "actions");
                // The plan's money per budget year, through the raw accessors (not wrapped yet).
                ulong years = (ulong)Native.tm_plan_economy_count(plan.Handle);
                NativePlanEconomy e0;
                Check(years > 0 && Native.tm_plan_get_economy(plan.Handle, UIntPtr.Zero, out e0) == Status.Ok && e0.BudgetYear >= 2026, "economy, first budget year");
                Check(Native.tm_plan_get_economy(plan.Handle, (UIntPtr)years, out e0) != Status.Ok, "economy past the last year is refused");
                // The council paper's entry point with no paper options, and the pilot guide.
                var ro = Native.tm_report_options_default();
                IntPtr paperHtml;
                Check(Native.tm_report_html_paper(model.Handle, a.Handle, PortfolioHandle.Null, CatalogHandle.Null, PlanHandle.Null, ref ro, IntPtr.Zero, out paperHtml) == Status.Ok && paperHtml != IntPtr.Zero, "report paper");
                Native.tm_string_free(paperHtml);
                IntPtr guide;
                Check(Native.tm_pilot_guide(model.Handle, Utf8.Encode("frontline"), Utf8.Encode("da"), out guide) == Status.Ok && guide != IntPtr.Zero, "pilot guide");
                Native.tm_string_free(guide);
                Check(plan.ToJson().Contains("\"phases\""), "plan json");
                Throws<IndexOutOfResultException>(() => plan.Action(0, 100000), "100000", "action past the end");
            }
            using (var bare = Plan.Create(model, a, null, null, new PlanOptions { StartYear = 2026 })) Check(bare.ToJson().Contains("\"missing\""), "plan without portfolio");
            Throws<InvalidOptionException>(() => Plan.Create(model, a, null, null, new PlanOptions { Years = 0 }), "years", "plan years 0");
        }

        // Errors: one exception type per status family.
        Throws<DataRuleException>(() => model.AssessCsv("respondent,role,D1_1\nA,top_manager,9\n", new AssessOptions { Bootstrap = 0 }), "value 9", "value outside the scale");
        Throws<AnonymityRefusedException>(() => model.AssessCsv("respondent,role,D1_1\nA,top_manager,4\nB,top_manager,3\nC,top_manager,2\n"), "", "too few respondents");
        Throws<InvalidOptionException>(() => model.AssessCsv(csv, new AssessOptions { MinGroupSize = 4 }), "allow_small_groups", "k = 4 without the flag");
        Throws<InvalidOptionException>(() => model.AssessCsv(csv, new AssessOptions { MinGroupSize = 1, AllowSmallGroups = true }), "below 3", "k = 1 refused");
        Throws<ParseException>(() => model.AssessCsv(""), "", "empty CSV");
        Throws<FileAccessException>(() => model.AssessFile("/nonexistent.csv"), "nonexistent", "missing file");
    }

    /// Out-structs pre-filled with 0xFF, read through the declaration with the default marshalling.
    static void PaddingTest(Assessment a)
    {
        int size = Marshal.SizeOf(typeof(NativeDimensionResult));
        IntPtr buf = Marshal.AllocHGlobal(size);
        try
        {
            for (int i = 0; i < a.DimensionCount; i++)
            {
                for (int b = 0; b < size; b++) Marshal.WriteByte(buf, b, 0xFF);
                var status = Native.tm_assessment_dimension_raw(a.Handle, (UIntPtr)(ulong)i, buf);
                Check(status == Status.Ok, "raw dimension");
                var d = (NativeDimensionResult)Marshal.PtrToStructure(buf, typeof(NativeDimensionResult));
                Check(d.HasScore == 1 && d.HasCi == 0 && d.HasAlpha == 0 && d.Reserved == 0,
                    $"0xFF-filled dimension {i}: has_score {d.HasScore} has_ci {d.HasCi} has_alpha {d.HasAlpha} reserved {d.Reserved}");
                Check(double.IsNaN(d.CiLow) && double.IsNaN(d.Alpha), "withheld figures are NaN");
                var managed = a.Dimension(i);
                Check(managed.CiLow == null && managed.Alpha == null && managed.Score.HasValue, "withheld figures are null");
            }
        }
        finally { Marshal.FreeHGlobal(buf); }
    }

    static void Matching(string expectedTop, string catalogPath, string scratch)
    {
        using (var catalog = Catalog.Sample())
        using (var fromFile = Catalog.FromFile(catalogPath))
        using (var fromJson = Catalog.FromJson(File.ReadAllText(catalogPath)))
        {
            Check(catalog.InterventionCount > 0 && fromFile.InterventionCount == fromJson.InterventionCount, "catalog counts");
            using (var r = catalog.Match("ældre medicin i hjemmeplejen", null, new MatchOptions { Top = 5 }))
            {
                Check(r.Count >= 1 && r.Count <= 5, $"1 to 5 ingredients, not {r.Count}");
                var top = r.Ingredient(0);
                Check(top.Id == expectedTop, $"top ingredient {top.Id} vs Rust {expectedTop}");
                Check(top.Score > 0 && top.Score <= 1, "score in (0, 1]");
                Check(r.Ingredients().Count == r.Count, "ingredients list");
                Check(r.ToJson().Contains("\"ingredients\""), "match json");
                Throws<IndexOutOfResultException>(() => r.Ingredient(100), "ingredient 100", "ingredient past the end");
            }
            var similar = catalog.SimilarJson("dosisdispensering af medicin", "{\"exclude\": []}", 3);
            Check(similar.Contains("\"relevance\""), "similar json");
            Check(catalog.PartnersJson("561", 3).Contains("\"score\""), "partners json");
            Check(catalog.PartnersForProblemJson("unge uden uddannelse", null, "316", 2).Contains("\"relevance\""), "partners for a problem json");
            // Zero is refused, unknown filter keys too.
            Throws<InvalidOptionException>(() => catalog.Match("x", null, new MatchOptions { Top = 0 }), "`top`", "top 0");
            Throws<InvalidOptionException>(() => catalog.Match("x", null, new MatchOptions { Retrieve = 0 }), "`retrieve`", "retrieve 0");
            Throws<InvalidOptionException>(() => catalog.SimilarJson("x", null, 0), "`top`", "similar top 0");
            Throws<InvalidOptionException>(() => catalog.PartnersJson("561", 0), "`top`", "partners top 0");
            Throws<InvalidOptionException>(() => catalog.Match("x", "{\"area\": \"a\", \"targets\": []}"), "unknown key `targets`", "unknown filter key");
            Throws<DataRuleException>(() => catalog.PartnersJson("999"), "999", "unknown municipality");

            var index = Path.Combine(scratch, "catalog.tmi");
            catalog.SaveIndex(index);
            using (var loaded = Catalog.LoadIndex(index))
            using (var r = loaded.Match("ældre medicin i hjemmeplejen", null, new MatchOptions { Top = 5 }))
                Check(r.Ingredient(0).Id == expectedTop, "saved index gives the same top ingredient");
            File.WriteAllText(index, "not an index");
            Throws<ParseException>(() => Catalog.LoadIndex(index), index, "damaged index");
        }
    }

    static void Portfolios(string portfolioPath)
    {
        using (var sample = Portfolio.Sample())
        using (var fromJson = Portfolio.FromJson(File.ReadAllText(portfolioPath)))
        {
            var en = sample.AnalyseJson(new PortfolioOptions { Lang = Lang.En });
            Check(en.Contains("\"initiatives\""), "portfolio analysis");
            Check(fromJson.AnalyseJson() != null, "portfolio from JSON");
            Throws<InvalidOptionException>(() => sample.AnalyseJson(new PortfolioOptions { Horizon = 0 }), "`horizon`", "horizon 0");
            Throws<ParseException>(() => Portfolio.FromJson("{"), "", "bad portfolio JSON");
        }
    }
}
