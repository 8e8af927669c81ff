// The long table behind the BI exports, read as typed cells or written as CSV or a workbook.
using System;
using System.Collections.Generic;
using TransformModel.Interop;

namespace TransformModel
{
    /// <summary>The kind of a table cell (tm_cell_kind).</summary>
    public enum CellKind : uint
    {
        /// <summary>No value (a figure that is not reported).</summary>
        Empty = 0,
        /// <summary>Text, in the table's language.</summary>
        Text = 1,
        /// <summary>A number.</summary>
        Number = 2,
        /// <summary>An amount in kroner.</summary>
        Kroner = 3
    }

    /// <summary>The file format of an export (tm_export_format).</summary>
    public enum ExportFormat : uint
    {
        /// <summary>A long CSV table; `;` and decimal comma in Danish.</summary>
        Csv = 0,
        /// <summary>A workbook, one sheet per section.</summary>
        Xlsx = 1
    }

    /// <summary>One cell: Text for text, Number for a number or kroner, neither when empty.</summary>
    public struct Cell
    {
        /// <summary>The kind of the cell.</summary>
        public CellKind Kind { get; }
        /// <summary>The number (numbers and kroner); null otherwise.</summary>
        public double? Number { get; }
        /// <summary>The text (text cells); null otherwise.</summary>
        public string Text { get; }
        internal Cell(CellKind kind, double? number, string text) { Kind = kind; Number = number; Text = text; }
    }

    /// <summary>
    /// A long ("tidy") table of an assessment, portfolio analysis, plan or match: columns,
    /// sections (a workbook's sheets) and rows of typed cells (immutable; share between threads).
    /// </summary>
    public sealed class Table : IDisposable
    {
        internal readonly TableHandle Handle;
        internal Table(TableHandle h) { Handle = h; }

        /// <summary>The number of columns.</summary>
        public int ColumnCount => (int)(ulong)Native.tm_table_column_count(Handle);
        /// <summary>The number of sections.</summary>
        public int SectionCount => (int)(ulong)Native.tm_table_section_count(Handle);
        /// <summary>The number of rows of section `section` (0 past the end).</summary>
        public int RowCount(int section) =>
            (int)(ulong)Native.tm_table_row_count(Handle, Library.Index(section, nameof(section)));

        /// <summary>The header of column `index`, in the table's language.</summary>
        public string Column(int index)
        {
            var at = Library.Index(index, nameof(index));
            return Library.Held(Handle, "table", () =>
            {
                Errors.Check(Native.tm_table_column(Handle, at, out IntPtr h));
                return Utf8.Copy(h);
            });
        }

        /// <summary>The name of section `index` (a workbook's sheet name).</summary>
        public string Section(int index)
        {
            var at = Library.Index(index, nameof(index));
            return Library.Held(Handle, "table", () =>
            {
                Errors.Check(Native.tm_table_section(Handle, at, out IntPtr n));
                return Utf8.Copy(n);
            });
        }

        /// <summary>The cell at `row`, `column` of section `section`.</summary>
        public Cell Cell(int section, int row, int column)
        {
            var s = Library.Index(section, nameof(section));
            var r = Library.Index(row, nameof(row));
            var c = Library.Index(column, nameof(column));
            return Library.Held(Handle, "table", () =>
            {
                Errors.Check(Native.tm_table_cell(Handle, s, r, c, out NativeCell cell));
                var kind = (CellKind)cell.Kind;
                var number = kind == CellKind.Number || kind == CellKind.Kroner ? cell.Number : (double?)null;
                return new Cell(kind, number, Utf8.Copy(cell.Text));
            });
        }

        /// <summary>Writes the table to `path` as CSV or a workbook, whole or not at all.</summary>
        public void Export(ExportFormat format, string path) =>
            Errors.Check(Native.tm_table_export(Handle, (uint)format, Utf8.Encode(Library.NotNull(path, nameof(path)))));

        /// <summary>Frees the native table (once; later calls do nothing).</summary>
        public void Dispose() => Handle.Dispose();
    }
}
