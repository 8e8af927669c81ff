// The five-year transformation plan (docs/plan.md).
using System;
using System.Collections.Generic;
using TransformModel.Interop;

namespace TransformModel
{
    /// <summary>A five-year plan (docs/plan.md) built from an assessment (immutable; share between threads).</summary>
    public sealed class Plan : IDisposable
    {
        internal readonly PlanHandle Handle;
        Plan(PlanHandle h) { Handle = h; }

        /// <summary>
        /// Builds the plan from an assessment made with `model`; portfolio and catalog may be
        /// null (the plan lists what it could not do in `missing`).
        /// </summary>
        public static Plan Create(Model model, Assessment assessment, Portfolio portfolio = null, Catalog catalog = null,
                                  PlanOptions options = null)
        {
            Library.NotNull(model, nameof(model));
            Library.NotNull(assessment, nameof(assessment));
            using (var memory = new UnmanagedStrings())
            {
                var o = (options ?? new PlanOptions()).ToNative(memory);
                var p = portfolio != null ? portfolio.Handle : PortfolioHandle.Null;
                var c = catalog != null ? catalog.Handle : CatalogHandle.Null;
                return new Plan(Library.Make((out PlanHandle h) =>
                    Native.tm_plan_new(model.Handle, assessment.Handle, p, c, ref o, out h)));
            }
        }

        /// <summary>The full plan as JSON (the CLI's `plan --format json`).</summary>
        public string ToJson() => Library.TakeString((out IntPtr s) => Native.tm_plan_to_json(Handle, out s));
        /// <summary>The number of phases (plan years).</summary>
        public int PhaseCount => (int)(ulong)Native.tm_plan_phase_count(Handle);
        /// <summary>The number of actions in phase `phase` (0 for a phase past the end; a negative phase throws).</summary>
        public int ActionCount(int phase) => (int)(ulong)Native.tm_plan_action_count(Handle, Library.Index(phase, nameof(phase)));
        /// <summary>The number of deferred actions (the JSON `deferred`).</summary>
        public int DeferredCount => (int)(ulong)Native.tm_plan_deferred_count(Handle);

        /// <summary>Action `index` of phase `phase`; its strings are copied before this call returns.</summary>
        public PlanAction Action(int phase, int index)
        {
            var p = Library.Index(phase, nameof(phase));
            var i = Library.Index(index, nameof(index));
            return Library.Held(Handle, "plan", () =>
            {
                Errors.Check(Native.tm_plan_get_action(Handle, p, i, out NativePlanAction a));
                return new PlanAction(a);
            });
        }

        /// <summary>The plan's table (the CLI's `plan --format csv|xlsx`) as typed cells, in `lang`.</summary>
        public Table Table(Lang lang = Lang.Da) =>
            new Table(Library.Make((out TableHandle t) => Native.tm_plan_table(Handle, (uint)lang, out t)));

        /// <summary>All actions of phase `phase`, in plan order.</summary>
        public IReadOnlyList<PlanAction> Actions(int phase)
        {
            var list = new List<PlanAction>();
            for (int i = 0; i < ActionCount(phase); i++) list.Add(Action(phase, i));
            return list;
        }

        /// <summary>Frees the native plan (once; later calls do nothing).</summary>
        public void Dispose() => Handle.Dispose();
    }
}
