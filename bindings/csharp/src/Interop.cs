// The C structs of include/transform_model.h, one to one (field order, widths, no hidden
// padding). Flags are byte (uint8_t in C), never bool: .NET marshals a struct bool as a
// 4-byte BOOL. Tests assert Marshal.SizeOf of each against the library's tm_sizeof_*().
using System;
using System.Runtime.InteropServices;

namespace TransformModel.Interop
{
    /// <summary>The C struct <c>tm_assess_options</c> of include/transform_model.h, field for field.</summary>
    [StructLayout(LayoutKind.Sequential)]
    public struct NativeAssessOptions
    {
        /// <summary><c>tm_assess_options.seed</c>.</summary>
        public ulong Seed;
        /// <summary><c>tm_assess_options.ignore_columns</c>.</summary>
        public IntPtr IgnoreColumns;
        /// <summary><c>tm_assess_options.ignore_column_count</c>.</summary>
        public UIntPtr IgnoreColumnCount;
        /// <summary><c>tm_assess_options.baseline_json</c>.</summary>
        public IntPtr BaselineJson;
        /// <summary><c>tm_assess_options.weighting</c>.</summary>
        public uint Weighting;
        /// <summary><c>tm_assess_options.min_group_size</c>.</summary>
        public uint MinGroupSize;
        /// <summary><c>tm_assess_options.bootstrap</c>.</summary>
        public uint Bootstrap;
        /// <summary><c>tm_assess_options.target</c>.</summary>
        public int Target;
        /// <summary><c>tm_assess_options.threads</c>.</summary>
        public uint Threads;
        /// <summary><c>tm_assess_options.min_dispersion_n</c>.</summary>
        public uint MinDispersionN;
        /// <summary><c>tm_assess_options.min_common_items</c>.</summary>
        public uint MinCommonItems;
        /// <summary><c>tm_assess_options.allow_small_groups</c>.</summary>
        public byte AllowSmallGroups;
        /// <summary><c>tm_assess_options.reserved[0]</c>: always 0.</summary>
        public byte Reserved0;
        /// <summary><c>tm_assess_options.reserved[1]</c>: always 0.</summary>
        public byte Reserved1;
        /// <summary><c>tm_assess_options.reserved[2]</c>: always 0.</summary>
        public byte Reserved2;
        /// <summary><c>tm_assess_options.unit_columns</c>.</summary>
        public IntPtr UnitColumns;
        /// <summary><c>tm_assess_options.unit_column_count</c>.</summary>
        public UIntPtr UnitColumnCount;
        /// <summary><c>tm_assess_options.municipality</c>.</summary>
        public IntPtr Municipality;
        /// <summary><c>tm_assess_options.audit_against_json</c>.</summary>
        public IntPtr AuditAgainstJson;
        /// <summary><c>tm_assess_options.audit_against_count</c>.</summary>
        public UIntPtr AuditAgainstCount;
        /// <summary><c>tm_assess_options.sheet</c>.</summary>
        public IntPtr Sheet;
        /// <summary><c>tm_assess_options.confidence</c>.</summary>
        public double Confidence;
    }

    /// <summary>The C struct <c>tm_dimension_result</c> of include/transform_model.h, field for field.</summary>
    [StructLayout(LayoutKind.Sequential)]
    public struct NativeDimensionResult
    {
        /// <summary><c>tm_dimension_result.score</c>.</summary>
        public double Score;
        /// <summary><c>tm_dimension_result.progress</c>.</summary>
        public double Progress;
        /// <summary><c>tm_dimension_result.ci_low</c>.</summary>
        public double CiLow;
        /// <summary><c>tm_dimension_result.ci_high</c>.</summary>
        public double CiHigh;
        /// <summary><c>tm_dimension_result.alpha</c>.</summary>
        public double Alpha;
        /// <summary><c>tm_dimension_result.id</c>.</summary>
        public IntPtr Id;
        /// <summary><c>tm_dimension_result.n</c>.</summary>
        public UIntPtr N;
        /// <summary><c>tm_dimension_result.level</c>.</summary>
        public int Level;
        /// <summary><c>tm_dimension_result.has_score</c>.</summary>
        public byte HasScore;
        /// <summary><c>tm_dimension_result.has_ci</c>.</summary>
        public byte HasCi;
        /// <summary><c>tm_dimension_result.has_alpha</c>.</summary>
        public byte HasAlpha;
        /// <summary><c>tm_dimension_result.reserved</c>.</summary>
        public byte Reserved;
    }

    /// <summary>The C struct <c>tm_gap</c> of include/transform_model.h, field for field.</summary>
    [StructLayout(LayoutKind.Sequential)]
    public struct NativeGap
    {
        /// <summary><c>tm_gap.diff</c>.</summary>
        public double Diff;
        /// <summary><c>tm_gap.ci_low</c>.</summary>
        public double CiLow;
        /// <summary><c>tm_gap.ci_high</c>.</summary>
        public double CiHigh;
        /// <summary><c>tm_gap.p</c>.</summary>
        public double P;
        /// <summary><c>tm_gap.p_adjusted</c>.</summary>
        public double PAdjusted;
        /// <summary><c>tm_gap.significant</c>.</summary>
        public int Significant;
        /// <summary><c>tm_gap.common_items</c>.</summary>
        public uint CommonItems;
    }

    /// <summary>The C struct <c>tm_match_options</c> of include/transform_model.h, field for field.</summary>
    [StructLayout(LayoutKind.Sequential)]
    public struct NativeMatchOptions
    {
        /// <summary><c>tm_match_options.top</c>.</summary>
        public uint Top;
        /// <summary><c>tm_match_options.retrieve</c>.</summary>
        public uint Retrieve;
        /// <summary><c>tm_match_options.lang</c>.</summary>
        public uint Lang;
    }

    /// <summary>The C struct <c>tm_plan_options</c> of include/transform_model.h, field for field.</summary>
    [StructLayout(LayoutKind.Sequential)]
    public struct NativePlanOptions
    {
        /// <summary><c>tm_plan_options.capacity_hours</c>.</summary>
        public double CapacityHours;
        /// <summary><c>tm_plan_options.elections</c>.</summary>
        public IntPtr Elections;
        /// <summary><c>tm_plan_options.election_count</c>.</summary>
        public UIntPtr ElectionCount;
        /// <summary><c>tm_plan_options.start_year</c>.</summary>
        public int StartYear;
        /// <summary><c>tm_plan_options.years</c>.</summary>
        public int Years;
        /// <summary><c>tm_plan_options.lang</c>.</summary>
        public uint Lang;
        /// <summary><c>tm_plan_options.phase_out_quarters</c>.</summary>
        public uint PhaseOutQuarters;
        /// <summary><c>tm_plan_options.department_names</c>.</summary>
        public IntPtr DepartmentNames;
        /// <summary><c>tm_plan_options.department_hours</c>.</summary>
        public IntPtr DepartmentHours;
        /// <summary><c>tm_plan_options.department_count</c>.</summary>
        public UIntPtr DepartmentCount;
        /// <summary><c>tm_plan_options.budget_month_names</c>.</summary>
        public IntPtr BudgetMonthNames;
        /// <summary><c>tm_plan_options.budget_months</c>.</summary>
        public IntPtr BudgetMonths;
        /// <summary><c>tm_plan_options.budget_month_count</c>.</summary>
        public UIntPtr BudgetMonthCount;
    }

    /// <summary>The C struct <c>tm_plan_action</c> of include/transform_model.h, field for field.</summary>
    [StructLayout(LayoutKind.Sequential)]
    public struct NativePlanAction
    {
        /// <summary><c>tm_plan_action.hours</c>.</summary>
        public double Hours;
        /// <summary><c>tm_plan_action.cost_kr</c>.</summary>
        public double CostKr;
        /// <summary><c>tm_plan_action.id</c>.</summary>
        public IntPtr Id;
        /// <summary><c>tm_plan_action.kind</c>.</summary>
        public IntPtr Kind;
        /// <summary><c>tm_plan_action.title</c>.</summary>
        public IntPtr Title;
        /// <summary><c>tm_plan_action.owner_department</c>.</summary>
        public IntPtr OwnerDepartment;
        /// <summary><c>tm_plan_action.year</c>.</summary>
        public int Year;
        /// <summary><c>tm_plan_action.quarter</c>.</summary>
        public int Quarter;
        /// <summary><c>tm_plan_action.budget_year</c>.</summary>
        public int BudgetYear;
        /// <summary><c>tm_plan_action.has_cost</c>.</summary>
        public byte HasCost;
        /// <summary><c>tm_plan_action.reserved[0]</c>: always 0.</summary>
        public byte Reserved0;
        /// <summary><c>tm_plan_action.reserved[1]</c>: always 0.</summary>
        public byte Reserved1;
        /// <summary><c>tm_plan_action.reserved[2]</c>: always 0.</summary>
        public byte Reserved2;
    }

    /// <summary>The plan's money in one budget year (tm_plan_economy): NaN = not costed.</summary>
    [StructLayout(LayoutKind.Sequential)]
    public struct NativePlanEconomy
    {
        /// <summary><c>tm_plan_economy</c>: AlreadyBudgetedKr.</summary>
        public double AlreadyBudgetedKr;
        /// <summary><c>tm_plan_economy</c>: NewKr.</summary>
        public double NewKr;
        /// <summary><c>tm_plan_economy</c>: SavingsKr.</summary>
        public double SavingsKr;
        /// <summary><c>tm_plan_economy</c>: NetKr.</summary>
        public double NetKr;
        /// <summary><c>tm_plan_economy</c>: CumulativeNetKr.</summary>
        public double CumulativeNetKr;
        /// <summary><c>tm_plan_economy</c>: AnlaegKr.</summary>
        public double AnlaegKr;
        /// <summary><c>tm_plan_economy</c>: KnownNewKr.</summary>
        public double KnownNewKr;
        /// <summary><c>tm_plan_economy</c>: Overslag1Kr.</summary>
        public double Overslag1Kr;
        /// <summary><c>tm_plan_economy</c>: Overslag2Kr.</summary>
        public double Overslag2Kr;
        /// <summary><c>tm_plan_economy</c>: Overslag3Kr.</summary>
        public double Overslag3Kr;
        /// <summary><c>tm_plan_economy</c>: BudgetYear.</summary>
        public int BudgetYear;
        /// <summary><c>tm_plan_economy</c>: Complete.</summary>
        public byte Complete;
        /// <summary><c>tm_plan_economy.reserved[0]</c>: always 0.</summary>
        public byte Reserved0;
        /// <summary><c>tm_plan_economy.reserved[1]</c>: always 0.</summary>
        public byte Reserved1;
        /// <summary><c>tm_plan_economy.reserved[2]</c>: always 0.</summary>
        public byte Reserved2;
    }

    /// <summary>The C struct <c>tm_portfolio_options</c> of include/transform_model.h, field for field.</summary>
    [StructLayout(LayoutKind.Sequential)]
    public struct NativePortfolioOptions
    {
        /// <summary><c>tm_portfolio_options.horizon</c>.</summary>
        public int Horizon;
        /// <summary><c>tm_portfolio_options.year</c>.</summary>
        public int Year;
        /// <summary><c>tm_portfolio_options.lang</c>.</summary>
        public uint Lang;
    }

    /// <summary>tm_report_options (an in-struct: the library only reads it); no hidden padding.</summary>
    [StructLayout(LayoutKind.Sequential)]
    internal struct NativeReportOptions
    {
        public uint Lang;
        public uint Reserved;
        public IntPtr InvitedRoles;
        public IntPtr InvitedCounts;
        public UIntPtr InvitedCount;
    }

    /// <summary>The C struct <c>tm_unit_result</c>: one cell of the breakdown by unit.</summary>
    [StructLayout(LayoutKind.Sequential)]
    public struct NativeUnitResult
    {
        /// <summary><c>tm_unit_result.department</c>.</summary>
        public IntPtr Department;
        /// <summary><c>tm_unit_result.unit</c>.</summary>
        public IntPtr Unit;
        /// <summary><c>tm_unit_result.role</c>.</summary>
        public IntPtr Role;
        /// <summary><c>tm_unit_result.n</c>.</summary>
        public UIntPtr N;
        /// <summary><c>tm_unit_result.dimension_count</c>.</summary>
        public UIntPtr DimensionCount;
        /// <summary><c>tm_unit_result.has_n</c>.</summary>
        public byte HasN;
        /// <summary><c>tm_unit_result.reserved[0]</c>: always 0.</summary>
        public byte Reserved0;
        /// <summary><c>tm_unit_result.reserved[1]</c>: always 0.</summary>
        public byte Reserved1;
        /// <summary><c>tm_unit_result.reserved[2]</c>: always 0.</summary>
        public byte Reserved2;
        /// <summary><c>tm_unit_result.reserved[3]</c>: always 0.</summary>
        public byte Reserved3;
        /// <summary><c>tm_unit_result.reserved[4]</c>: always 0.</summary>
        public byte Reserved4;
        /// <summary><c>tm_unit_result.reserved[5]</c>: always 0.</summary>
        public byte Reserved5;
        /// <summary><c>tm_unit_result.reserved[6]</c>: always 0.</summary>
        public byte Reserved6;
    }

    /// <summary>The C struct <c>tm_unit_dimension</c>: one dimension of a unit cell.</summary>
    [StructLayout(LayoutKind.Sequential)]
    public struct NativeUnitDimension
    {
        /// <summary><c>tm_unit_dimension.score</c>.</summary>
        public double Score;
        /// <summary><c>tm_unit_dimension.ci_low</c>.</summary>
        public double CiLow;
        /// <summary><c>tm_unit_dimension.ci_high</c>.</summary>
        public double CiHigh;
        /// <summary><c>tm_unit_dimension.id</c>.</summary>
        public IntPtr Id;
        /// <summary><c>tm_unit_dimension.n</c>.</summary>
        public UIntPtr N;
        /// <summary><c>tm_unit_dimension.has_score</c>.</summary>
        public byte HasScore;
        /// <summary><c>tm_unit_dimension.has_n</c>.</summary>
        public byte HasN;
        /// <summary><c>tm_unit_dimension.has_ci</c>.</summary>
        public byte HasCi;
        /// <summary><c>tm_unit_dimension.reserved[0]</c>: always 0.</summary>
        public byte Reserved0;
        /// <summary><c>tm_unit_dimension.reserved[1]</c>: always 0.</summary>
        public byte Reserved1;
        /// <summary><c>tm_unit_dimension.reserved[2]</c>: always 0.</summary>
        public byte Reserved2;
        /// <summary><c>tm_unit_dimension.reserved[3]</c>: always 0.</summary>
        public byte Reserved3;
        /// <summary><c>tm_unit_dimension.reserved[4]</c>: always 0.</summary>
        public byte Reserved4;
    }

    /// <summary>The C struct <c>tm_cell</c>: one cell of a table.</summary>
    [StructLayout(LayoutKind.Sequential)]
    public struct NativeCell
    {
        /// <summary><c>tm_cell.number</c>.</summary>
        public double Number;
        /// <summary><c>tm_cell.text</c>.</summary>
        public IntPtr Text;
        /// <summary><c>tm_cell.kind</c>.</summary>
        public uint Kind;
        /// <summary><c>tm_cell.reserved</c>.</summary>
        public uint Reserved;
    }

    /// <summary>The C struct <c>tm_read_options</c> of include/transform_model.h, field for field.</summary>
    [StructLayout(LayoutKind.Sequential)]
    public struct NativeReadOptions
    {
        /// <summary><c>tm_read_options.respondent_column</c>.</summary>
        public IntPtr RespondentColumn;
        /// <summary><c>tm_read_options.role_column</c>.</summary>
        public IntPtr RoleColumn;
        /// <summary><c>tm_read_options.department_column</c>.</summary>
        public IntPtr DepartmentColumn;
        /// <summary><c>tm_read_options.columns</c>.</summary>
        public IntPtr Columns;
        /// <summary><c>tm_read_options.columns_text</c>.</summary>
        public IntPtr ColumnsText;
        /// <summary><c>tm_read_options.role_values</c>.</summary>
        public IntPtr RoleValues;
        /// <summary><c>tm_read_options.role_value_roles</c>.</summary>
        public IntPtr RoleValueRoles;
        /// <summary><c>tm_read_options.role_value_count</c>.</summary>
        public UIntPtr RoleValueCount;
        /// <summary><c>tm_read_options.ignore_columns</c>.</summary>
        public IntPtr IgnoreColumns;
        /// <summary><c>tm_read_options.ignore_column_count</c>.</summary>
        public UIntPtr IgnoreColumnCount;
        /// <summary><c>tm_read_options.sheet</c>.</summary>
        public IntPtr Sheet;
        /// <summary><c>tm_read_options.ignore_unknown_columns</c>.</summary>
        public byte IgnoreUnknownColumns;
        /// <summary><c>tm_read_options.columns_toml</c>.</summary>
        public byte ColumnsToml;
        /// <summary><c>tm_read_options.reserved[0]</c>: always 0.</summary>
        public byte Reserved0;
        /// <summary><c>tm_read_options.reserved[1]</c>: always 0.</summary>
        public byte Reserved1;
        /// <summary><c>tm_read_options.reserved[2]</c>: always 0.</summary>
        public byte Reserved2;
        /// <summary><c>tm_read_options.reserved[3]</c>: always 0.</summary>
        public byte Reserved3;
        /// <summary><c>tm_read_options.reserved[4]</c>: always 0.</summary>
        public byte Reserved4;
        /// <summary><c>tm_read_options.reserved[5]</c>: always 0.</summary>
        public byte Reserved5;
    }

    /// <summary>The C struct <c>tm_items_options</c> of include/transform_model.h, field for field.</summary>
    [StructLayout(LayoutKind.Sequential)]
    public struct NativeItemsOptions
    {
        /// <summary><c>tm_items_options.audit_against_json</c>.</summary>
        public IntPtr AuditAgainstJson;
        /// <summary><c>tm_items_options.audit_against_count</c>.</summary>
        public UIntPtr AuditAgainstCount;
        /// <summary><c>tm_items_options.min_group_size</c>.</summary>
        public uint MinGroupSize;
        /// <summary><c>tm_items_options.min_dispersion_n</c>.</summary>
        public uint MinDispersionN;
        /// <summary><c>tm_items_options.allow_small_groups</c>.</summary>
        public byte AllowSmallGroups;
        /// <summary><c>tm_items_options.by_role</c>.</summary>
        public byte ByRole;
        /// <summary><c>tm_items_options.reserved[0]</c>: always 0.</summary>
        public byte Reserved0;
        /// <summary><c>tm_items_options.reserved[1]</c>: always 0.</summary>
        public byte Reserved1;
        /// <summary><c>tm_items_options.reserved[2]</c>: always 0.</summary>
        public byte Reserved2;
        /// <summary><c>tm_items_options.reserved[3]</c>: always 0.</summary>
        public byte Reserved3;
        /// <summary><c>tm_items_options.reserved[4]</c>: always 0.</summary>
        public byte Reserved4;
        /// <summary><c>tm_items_options.reserved[5]</c>: always 0.</summary>
        public byte Reserved5;
    }
}
