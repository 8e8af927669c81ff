// How a survey tool's export is read, and the options of an item analysis: the managed side
// of tm_read_options and tm_items_options (the CLI's reader flags and `items` options).
using System;
using System.Collections.Generic;
using TransformModel.Interop;

namespace TransformModel
{
    /// <summary>
    /// How responses are read (tm_read_options; the CLI's `--respondent-column`,
    /// `--role-column`, `--department-column`, `--columns`, `--role-values`,
    /// `--ignore-columns`, `--ignore-unknown-columns`, `--sheet`). The defaults read the
    /// columns `respondent`, `role` and `department` and refuse an unknown column.
    /// </summary>
    public sealed class ReadOptions
    {
        /// <summary>The column with the respondent id, e.g. "Respondent-ID"; null = `respondent`.</summary>
        public string RespondentColumn { get; set; }
        /// <summary>The column with the role, e.g. "Hvad er din rolle?"; null = `role`.</summary>
        public string RoleColumn { get; set; }
        /// <summary>The column with the department (read as the unit column `department`); null = none.</summary>
        public string DepartmentColumn { get; set; }
        /// <summary>A column-map file (.toml, else CSV rows `key,value`); the properties above win over it.</summary>
        public string Columns { get; set; }
        /// <summary>A column map's text instead of a file (TOML when ColumnsToml, else CSV).</summary>
        public string ColumnsText { get; set; }
        /// <summary>Whether ColumnsText is TOML.</summary>
        public bool ColumnsToml { get; set; }
        /// <summary>Role values as the export writes them → role ids (role ids and the model's role labels need none).</summary>
        public IDictionary<string, string> RoleValues { get; set; } = new Dictionary<string, string>();
        /// <summary>Columns to skip, e.g. "Starttidspunkt".</summary>
        public IList<string> IgnoreColumns { get; set; } = new List<string>();
        /// <summary>Skip every column that is not an item (the result lists them) instead of failing.</summary>
        public bool IgnoreUnknownColumns { get; set; }
        /// <summary>The sheet of an .xlsx workbook; null = the first.</summary>
        public string Sheet { get; set; }

        /// <summary>The C struct; its pointers live in `strings` until it is disposed.</summary>
        internal NativeReadOptions ToNative(UnmanagedStrings strings)
        {
            var o = Native.tm_read_options_default();
            o.RespondentColumn = strings.String(RespondentColumn);
            o.RoleColumn = strings.String(RoleColumn);
            o.DepartmentColumn = strings.String(DepartmentColumn);
            o.Columns = strings.String(Columns);
            o.ColumnsText = strings.String(ColumnsText);
            o.ColumnsToml = ColumnsToml ? (byte)1 : (byte)0;
            var values = new List<string>();
            var roles = new List<string>();
            if (RoleValues != null)
                foreach (var pair in RoleValues)
                {
                    values.Add(pair.Key);
                    roles.Add(Library.NotNull(pair.Value, "RoleValues[" + pair.Key + "]"));
                }
            o.RoleValues = strings.Array(values);
            o.RoleValueRoles = strings.Array(roles);
            o.RoleValueCount = (UIntPtr)values.Count;
            o.IgnoreColumns = strings.Array(IgnoreColumns);
            o.IgnoreColumnCount = (UIntPtr)(IgnoreColumns == null ? 0 : IgnoreColumns.Count);
            o.IgnoreUnknownColumns = IgnoreUnknownColumns ? (byte)1 : (byte)0;
            o.Sheet = strings.String(Sheet);
            return o;
        }
    }

    /// <summary>Options of an item analysis (tm_items_options; the CLI's `items`).</summary>
    public sealed class ItemsOptions
    {
        /// <summary>k: the fewest respondents behind any figure; below 5 needs AllowSmallGroups.</summary>
        public uint MinGroupSize { get; set; }
        /// <summary>The fewest respondents behind an SD, item-rest r, alpha and omega.</summary>
        public uint MinDispersionN { get; set; }
        /// <summary>Allows 3 ≤ k &lt; 5 (a small pilot).</summary>
        public bool AllowSmallGroups { get; set; }
        /// <summary>Also analyses each role group of at least k respondents on its own.</summary>
        public bool ByRole { get; set; }
        /// <summary>Earlier published item analyses (their JSON) of the same survey: an item whose n differs by 1 to k − 1 is withheld.</summary>
        public IList<string> AuditAgainst { get; set; } = new List<string>();

        /// <summary>The library's defaults (tm_items_options_default).</summary>
        public ItemsOptions()
        {
            var d = Native.tm_items_options_default();
            MinGroupSize = d.MinGroupSize;
            MinDispersionN = d.MinDispersionN;
            AllowSmallGroups = d.AllowSmallGroups != 0;
            ByRole = d.ByRole != 0;
        }

        /// <summary>The C struct; its pointers live in `strings` until it is disposed.</summary>
        internal NativeItemsOptions ToNative(UnmanagedStrings strings)
        {
            var o = Native.tm_items_options_default();
            o.MinGroupSize = MinGroupSize;
            o.MinDispersionN = MinDispersionN;
            o.AllowSmallGroups = AllowSmallGroups ? (byte)1 : (byte)0;
            o.ByRole = ByRole ? (byte)1 : (byte)0;
            o.AuditAgainstJson = strings.Array(AuditAgainst);
            o.AuditAgainstCount = (UIntPtr)(AuditAgainst == null ? 0 : AuditAgainst.Count);
            return o;
        }
    }
}
