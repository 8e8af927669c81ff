// A survey tool's export through the C# face (ReadOptions, tm_read_options): a survey of its
// own (the sample generator, model dtm@2026.2 named explicitly, seed 32) rewritten as a tool
// writes it gives exactly the figures of the canonical layout; a map naming a missing column
// and an unmapped role value are typed errors with their fields. Also ItemsOptions (the audit
// against an earlier release), the portfolio template, bundled data by name and the
// carried-over comparison with the baseline round's responses (dtm@2026.2 → dtm@2027.1).
using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using TransformModel;

static class Reading
{
    internal static int Failures = 0;

    static void Check(bool ok, string what)
    {
        if (!ok) { Failures++; Console.Error.WriteLine("FAILED: " + what); }
    }

    internal static void Run(string scratch)
    {
        using (var model = Model.Bundled("dtm@2026.2"))
        {
            ColumnMap(model, scratch);
            Items(model);
        }
        Bundled(scratch);
        BaselineResponses(scratch);
    }

    /// The canonical CSV with the tool's headers, "Rolle: " before each role and a leading
    /// Starttidspunkt column.
    static string AsExport(string csv)
    {
        var lines = csv.TrimEnd('\n').Split('\n');
        var sb = new StringBuilder();
        for (int r = 0; r < lines.Length; r++)
        {
            var cells = lines[r].Split(',');
            if (r == 0) { cells[0] = "Respondent-ID"; cells[1] = "Hvad er din rolle?"; sb.Append("Starttidspunkt,"); }
            else { cells[1] = "Rolle: " + cells[1]; sb.Append("2026-03-01 09:00,"); }
            sb.Append(string.Join(",", cells)).Append('\n');
        }
        return sb.ToString();
    }

    static ReadOptions ToolColumns(Model model)
    {
        var read = new ReadOptions { RespondentColumn = "Respondent-ID", RoleColumn = "Hvad er din rolle?", IgnoreColumns = { "Starttidspunkt" } };
        foreach (var role in model.Labels(LabelKind.Role)) read.RoleValues["Rolle: " + role.Id] = role.Id;
        return read;
    }

    static void SameFigures(Assessment a, Assessment b, string what)
    {
        a.GetOverall(out double sa, out int la);
        b.GetOverall(out double sb, out int lb);
        Check(sa == sb && la == lb, what + ": overall");
        Check(a.DimensionCount == b.DimensionCount && a.DimensionCount > 0, what + ": dimensions");
        for (int d = 0; d < a.DimensionCount; d++)
            Check(a.Dimension(d).Score == b.Dimension(d).Score && a.Dimension(d).N == b.Dimension(d).N, what + ": " + a.Dimension(d).Id);
    }

    static void ColumnMap(Model model, string scratch)
    {
        var csv = model.SampleCsv(60, 32);
        var export = AsExport(csv);
        var o = new AssessOptions { Bootstrap = 0 };
        var read = ToolColumns(model);
        using (var plain = model.AssessCsv(csv, o))
        {
            using (var mapped = model.AssessCsv(export, o, read)) SameFigures(plain, mapped, "mapped by properties");
            var map = new StringBuilder("respondent,Respondent-ID\nrole,Hvad er din rolle?\nignore,Starttidspunkt\n");
            foreach (var pair in read.RoleValues) map.Append("role_value:").Append(pair.Key).Append(',').Append(pair.Value).Append('\n');
            using (var mapped = model.AssessCsv(export, o, new ReadOptions { ColumnsText = map.ToString() })) SameFigures(plain, mapped, "map text");
            var path = Path.Combine(scratch, "survey-export.csv");
            File.WriteAllText(path, export);
            var mapPath = Path.Combine(scratch, "map.csv");
            File.WriteAllText(mapPath, map.ToString());
            using (var mapped = model.AssessFile(path, o, new ReadOptions { Columns = mapPath })) SameFigures(plain, mapped, "map file");
            var loose = ToolColumns(model);
            loose.IgnoreColumns.Clear();
            loose.IgnoreUnknownColumns = true;
            using (var mapped = model.AssessCsv(export, o, loose)) SameFigures(plain, mapped, "ignore unknown columns");
        }
        try
        {
            var strict = ToolColumns(model);
            strict.RoleValues.Clear();
            model.AssessCsv(export, o, strict);
            Check(false, "an unmapped role value was accepted");
        }
        catch (DataRuleException e)
        {
            Check(e.Row == 2 && e.Column == "Hvad er din rolle?" && e.Value != null && e.Value.StartsWith("Rolle: "),
                $"unmapped role: row {e.Row} column {e.Column} value {e.Value}");
        }
        try
        {
            var missing = ToolColumns(model);
            missing.DepartmentColumn = "Afdeling";
            model.AssessCsv(export, o, missing);
            Check(false, "a missing department column was accepted");
        }
        catch (DataRuleException e) { Check(e.Column == "Afdeling", "missing column named: " + e.Message); }
        try
        {
            model.AssessCsv(export, o, new ReadOptions { Columns = "x.toml", ColumnsText = "respondent,R" });
            Check(false, "a map file and a map text were both accepted");
        }
        catch (InvalidOptionException) { }
    }

    static int Count(string text, string needle)
    {
        int n = 0;
        for (int at = text.IndexOf(needle, StringComparison.Ordinal); at >= 0; at = text.IndexOf(needle, at + 1, StringComparison.Ordinal)) n++;
        return n;
    }

    /// An earlier release of the same survey less 2 respondents: items whose n differs by 1
    /// to k − 1 are withheld, so the audited analysis suppresses more; against an identical
    /// release nothing changes.
    static void Items(Model model)
    {
        var csv = model.SampleCsv(60, 32);
        var lines = csv.TrimEnd('\n').Split('\n');
        var fewer = string.Join("\n", lines, 0, lines.Length - 2) + "\n";
        var plain = model.ItemAnalysisJson(csv);
        Check(model.ItemsJson(AsExport(csv), null, ToolColumns(model)) == plain, "items read through the column map");
        var earlier = model.ItemsJson(fewer);
        var options = new ItemsOptions { AuditAgainst = { earlier } };
        Check(options.MinGroupSize == new AssessOptions().MinGroupSize, "items default k is the assessment's");
        var audited = model.ItemsJson(csv, options);
        Check(Count(audited, "\"suppressed\"") > Count(plain, "\"suppressed\""), "the audit withholds items");
        Check(model.ItemsJson(csv, new ItemsOptions { AuditAgainst = { plain } }) == plain, "an identical release changes nothing");
        try { model.ItemsJson(csv, new ItemsOptions { AuditAgainst = { "{" } }); Check(false, "bad audit JSON accepted"); }
        catch (ParseException) { }
    }

    static void Bundled(string scratch)
    {
        using (var model = Model.Default())
        {
            var o = new AssessOptions { Bootstrap = 0 };
            using (var a = model.AssessFile("sample", o))
            using (var b = model.AssessFile("crates/transform-model/data/sample_responses.csv", o))
                SameFigures(a, b, "\"sample\" is the bundled survey");
            Check(model.ItemsFileJson("sample").Contains("\"items\""), "items of the bundled survey");
        }
        using (var named = Catalog.FromFile("default"))
        using (var sample = Catalog.Sample())
            Check(named.InterventionCount == sample.InterventionCount && named.InterventionCount > 0, "\"default\" is the bundled catalog");
        using (var p = Portfolio.FromFile("sample")) Check(p.AnalyseJson().Length > 0, "\"sample\" is the bundled portfolio");
        var path = Path.Combine(scratch, "portefolje.xlsx");
        Portfolio.PortfolioTemplate(path);
        var bytes = File.ReadAllBytes(path);
        Check(bytes.Length > 2 && bytes[0] == (byte)'P' && bytes[1] == (byte)'K', "the template is a workbook");
        using (var p = Portfolio.FromFile(path)) Check(p.AnalyseJson().Length > 0, "the template reads back");
        try { Portfolio.PortfolioTemplate(Path.Combine(scratch, "no-such-folder", "p.xlsx")); Check(false, "template into a missing folder"); }
        catch (FileAccessException) { }
    }

    static void BaselineResponses(string scratch)
    {
        using (var old = Model.Bundled("dtm@2026.2"))
        using (var now = Model.Bundled("dtm@2027.1"))
        {
            var thenCsv = old.SampleCsv(120, 5);
            var path = Path.Combine(scratch, "round1.csv");
            File.WriteAllText(path, thenCsv);
            var oldItems = new HashSet<string>();
            foreach (var l in old.Labels(LabelKind.Item)) oldItems.Add(l.Id);
            var nowItems = new HashSet<string>();
            foreach (var l in now.Labels(LabelKind.Item)) nowItems.Add(l.Id);
            using (var then = old.AssessCsv(thenCsv, new AssessOptions { Bootstrap = 0 }))
            {
                var o = new AssessOptions { Bootstrap = 0, Baseline = then, BaselineResponses = path };
                using (var a = now.AssessCsv(now.SampleCsv(120, 6), o))
                {
                    var json = a.ToJson();
                    var at = json.IndexOf("\"carried_over\"", StringComparison.Ordinal);
                    Check(at >= 0, "the comparison lists the carried-over items");
                    if (at < 0) return;
                    int open = json.IndexOf('[', at), close = json.IndexOf(']', at);
                    var ids = new List<string>();
                    foreach (var part in json.Substring(open + 1, close - open - 1).Split(','))
                        if (part.Trim().Length > 0) ids.Add(part.Trim().Trim('"'));
                    Check(ids.Count > 0, "items are carried over");
                    foreach (var id in ids) Check(oldItems.Contains(id) && nowItems.Contains(id), id + " is in both versions");
                }
                try
                {
                    now.AssessJson("[]", new AssessOptions { Baseline = then, BaselineResponses = path });
                    Check(false, "BaselineResponses with AssessJson accepted");
                }
                catch (ArgumentException) { }
                try
                {
                    now.AssessCsv(now.SampleCsv(120, 6), new AssessOptions { Bootstrap = 0, BaselineResponses = path });
                    Check(false, "BaselineResponses without Baseline accepted");
                }
                catch (InvalidOptionException) { }
            }
        }
    }
}
