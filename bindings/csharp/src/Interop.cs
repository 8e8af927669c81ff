// The C structs of include/transform_model.h, one to one (field order, widths, no hidden
// padding). Flags are byte (uint8_t in C), never bool: .NET marshals a struct bool as a
// 4-byte BOOL. Tests assert Marshal.SizeOf of each against the library's tm_sizeof_*().
using System;
using System.Runtime.InteropServices;

namespace TransformModel.Interop
{
    [StructLayout(LayoutKind.Sequential)]
    public struct NativeAssessOptions
    {
        public ulong Seed;
        public IntPtr IgnoreColumns;
        public UIntPtr IgnoreColumnCount;
        public IntPtr BaselineJson;
        public uint Weighting;
        public uint MinGroupSize;
        public uint Bootstrap;
        public int Target;
        public uint Threads;
        public uint MinDispersionN;
        public uint MinCommonItems;
        public byte AllowSmallGroups;
        public byte Reserved0, Reserved1, Reserved2;
    }

    [StructLayout(LayoutKind.Sequential)]
    public struct NativeDimensionResult
    {
        public double Score;
        public double Progress;
        public double CiLow;
        public double CiHigh;
        public double Alpha;
        public IntPtr Id;
        public UIntPtr N;
        public int Level;
        public byte HasScore;
        public byte HasCi;
        public byte HasAlpha;
        public byte Reserved;
    }

    [StructLayout(LayoutKind.Sequential)]
    public struct NativeGap
    {
        public double Diff;
        public double CiLow;
        public double CiHigh;
        public double P;
        public double PAdjusted;
        public int Significant;
        public uint CommonItems;
    }

    [StructLayout(LayoutKind.Sequential)]
    public struct NativeMatchOptions
    {
        public uint Top;
        public uint Retrieve;
        public uint Lang;
    }

    [StructLayout(LayoutKind.Sequential)]
    public struct NativePlanOptions
    {
        public double CapacityHours;
        public IntPtr Elections;
        public UIntPtr ElectionCount;
        public int StartYear;
        public int Years;
        public uint Lang;
        public uint Reserved;
    }

    [StructLayout(LayoutKind.Sequential)]
    public struct NativePlanAction
    {
        public double Hours;
        public double CostKr;
        public IntPtr Id;
        public IntPtr Kind;
        public IntPtr Title;
        public IntPtr OwnerDepartment;
        public int Year;
        public int Quarter;
        public int BudgetYear;
        public byte HasCost;
        public byte Reserved0, Reserved1, Reserved2;
    }

    /// <summary>The plan's money in one budget year (tm_plan_economy): NaN = not costed.</summary>
    [StructLayout(LayoutKind.Sequential)]
    public struct NativePlanEconomy
    {
        public double AlreadyBudgetedKr;
        public double NewKr;
        public double SavingsKr;
        public double NetKr;
        public double CumulativeNetKr;
        public double AnlaegKr;
        public double KnownNewKr;
        public double Overslag1Kr, Overslag2Kr, Overslag3Kr;
        public int BudgetYear;
        public byte Complete;
        public byte Reserved0, Reserved1, Reserved2;
    }

    [StructLayout(LayoutKind.Sequential)]
    public struct NativePortfolioOptions
    {
        public int Horizon;
        public int Year;
        public uint Lang;
    }

    /// tm_report_options (an in-struct: the library only reads it).
    [StructLayout(LayoutKind.Sequential)]
    internal struct NativeReportOptions
    {
        public uint Lang;
        public IntPtr InvitedRoles;
        public IntPtr InvitedCounts;
        public UIntPtr InvitedCount;
    }
}
