// The breakdown by unit (department) and its suppression counts; typed model labels.
using System;
using System.Collections.Generic;
using TransformModel.Interop;

namespace TransformModel
{
    /// <summary>One dimension of a unit cell; every figure null when suppressed.</summary>
    public sealed class UnitDimension
    {
        /// <summary>The dimension's id.</summary>
        public string Id { get; }
        /// <summary>Mean of the cell's scored respondents; null when suppressed.</summary>
        public double? Score { get; }
        /// <summary>Scored respondents; null when suppressed.</summary>
        public long? N { get; }
        /// <summary>Lower end of the interval; null under MinDispersionN or when suppressed.</summary>
        public double? CiLow { get; }
        /// <summary>Upper end of the interval; null under MinDispersionN or when suppressed.</summary>
        public double? CiHigh { get; }

        internal UnitDimension(NativeUnitDimension d, string id)
        {
            Id = id;
            Score = d.HasScore != 0 ? d.Score : (double?)null;
            N = d.HasN != 0 ? (long)(ulong)d.N : (long?)null;
            CiLow = d.HasCi != 0 ? d.CiLow : (double?)null;
            CiHigh = d.HasCi != 0 ? d.CiHigh : (double?)null;
        }
    }

    /// <summary>One cell of the breakdown: a department (or department/unit), all roles or one role group.</summary>
    public sealed class UnitResult
    {
        /// <summary>The first unit column's value (the department).</summary>
        public string Department { get; }
        /// <summary>The second unit column's value; null for the department as a whole.</summary>
        public string Unit { get; }
        /// <summary>The role group; null for all roles.</summary>
        public string Role { get; }
        /// <summary>Respondents in the cell; null when suppressed.</summary>
        public long? N { get; }
        /// <summary>The cell's figures per dimension, model order.</summary>
        public IReadOnlyList<UnitDimension> Dimensions { get; }

        internal UnitResult(NativeUnitResult u, string department, string unit, string role, IReadOnlyList<UnitDimension> dimensions)
        {
            Department = department;
            Unit = unit;
            Role = role;
            N = u.HasN != 0 ? (long)(ulong)u.N : (long?)null;
            Dimensions = dimensions;
        }
    }

    /// <summary>How many cells disclosure control withheld, and why (never which respondents).</summary>
    public sealed class Suppression
    {
        /// <summary>Cells on fewer than k respondents (or all alike under 20).</summary>
        public long Primary { get; }
        /// <summary>Cells withheld so that no withheld cell or respondent follows from the published ones.</summary>
        public long Secondary { get; }
        internal Suppression(long primary, long secondary) { Primary = primary; Secondary = secondary; }
    }

    /// <summary>What a model label names (tm_label_kind).</summary>
    public enum LabelKind : uint
    {
        /// <summary>Dimensions, model order.</summary>
        Dimension = 0,
        /// <summary>Items (the question text), model order.</summary>
        Item = 1,
        /// <summary>Roles, model order.</summary>
        Role = 2,
        /// <summary>Levels, lowest first (the id is the level number).</summary>
        Level = 3,
        /// <summary>Levers, model order.</summary>
        Lever = 4
    }

    /// <summary>A model label: an id and its text in one language.</summary>
    public sealed class Label
    {
        /// <summary>The id (D1, D1_1, politician, 3, …).</summary>
        public string Id { get; }
        /// <summary>The text in the language asked for.</summary>
        public string Text { get; }
        internal Label(string id, string text) { Id = id; Text = text; }
    }
}
