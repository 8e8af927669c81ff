// Every function of include/transform_model.h as a P/Invoke declaration (checked by
// bindings/csharp/check-exports.sh). Strings go in as NUL-terminated UTF-8 byte[]; strings
// come back as IntPtr and are copied, then freed with tm_string_free (never as `string`:
// the marshaller would free them with the wrong allocator). Handles go in as SafeHandles,
// so the owner cannot be released during a call.
using System;
using System.Runtime.InteropServices;
using TransformModel.Interop;

namespace TransformModel
{
    internal static class Native
    {
        internal const string Lib = "transform_model_c";

        // Library, errors, ABI.
        [DllImport(Lib)] internal static extern IntPtr tm_version();
        [DllImport(Lib)] internal static extern uint tm_abi_version();
        [DllImport(Lib)] internal static extern void tm_string_free(IntPtr s);
        [DllImport(Lib)] internal static extern UIntPtr tm_last_error_length();
        [DllImport(Lib)] internal static extern Status tm_last_error_message(byte[] buf, UIntPtr len, out UIntPtr written);
        [DllImport(Lib)] internal static extern UIntPtr tm_sizeof_assess_options();
        [DllImport(Lib)] internal static extern UIntPtr tm_sizeof_dimension_result();
        [DllImport(Lib)] internal static extern UIntPtr tm_sizeof_gap();
        [DllImport(Lib)] internal static extern UIntPtr tm_sizeof_match_options();
        [DllImport(Lib)] internal static extern UIntPtr tm_sizeof_plan_options();
        [DllImport(Lib)] internal static extern UIntPtr tm_sizeof_plan_action();
        [DllImport(Lib)] internal static extern UIntPtr tm_sizeof_portfolio_options();
        [DllImport(Lib)] internal static extern UIntPtr tm_sizeof_report_options();
        [DllImport(Lib)] internal static extern UIntPtr tm_sizeof_paper_options();
        [DllImport(Lib)] internal static extern UIntPtr tm_sizeof_unit_result();
        [DllImport(Lib)] internal static extern UIntPtr tm_sizeof_unit_dimension();
        [DllImport(Lib)] internal static extern UIntPtr tm_sizeof_cell();
        [DllImport(Lib)] internal static extern UIntPtr tm_sizeof_read_options();
        [DllImport(Lib)] internal static extern UIntPtr tm_sizeof_items_options();
        [DllImport(Lib)] internal static extern UIntPtr tm_last_error_row();
        /// <summary>Borrowed (valid until the thread's next call): copy at once, never free.</summary>
        [DllImport(Lib)] internal static extern IntPtr tm_last_error_field(uint field);

        // Model.
        [DllImport(Lib)] internal static extern Status tm_model_default(out ModelHandle model);
        [DllImport(Lib)] internal static extern Status tm_model_bundled(byte[] id, out ModelHandle model);
        [DllImport(Lib)] internal static extern Status tm_model_from_json(byte[] json, out ModelHandle model);
        [DllImport(Lib)] internal static extern Status tm_model_from_file(byte[] path, out ModelHandle model);
        [DllImport(Lib)] internal static extern Status tm_model_overlay(ModelHandle model, byte[] overlayJson, out ModelHandle result);
        [DllImport(Lib)] internal static extern Status tm_model_to_json(ModelHandle model, out IntPtr json);
        [DllImport(Lib)] internal static extern UIntPtr tm_model_dimension_count(ModelHandle model);
        [DllImport(Lib)] internal static extern UIntPtr tm_model_item_count(ModelHandle model);
        [DllImport(Lib)] internal static extern void tm_model_free(IntPtr model);
        [DllImport(Lib)] internal static extern Status tm_questionnaire_to_file(ModelHandle model, byte[] format, byte[] role, byte[] lang, byte[] path);
        [DllImport(Lib)] internal static extern Status tm_questionnaire_to_file_with_departments(ModelHandle model, byte[] format, byte[] role, byte[] lang, IntPtr departments, UIntPtr departmentCount, byte[] path);
        [DllImport(Lib)] internal static extern Status tm_pilot_guide(ModelHandle model, byte[] role, byte[] lang, out IntPtr guide);
        [DllImport(Lib)] internal static extern Status tm_item_analysis_json(ModelHandle model, byte[] csv, out IntPtr json);
        [DllImport(Lib)] internal static extern UIntPtr tm_model_label_count(ModelHandle model, uint kind);
        [DllImport(Lib)] internal static extern Status tm_model_label(ModelHandle model, uint kind, UIntPtr index, uint lang, out IntPtr id, out IntPtr text);
        [DllImport(Lib)] internal static extern Status tm_model_item_changes_json(ModelHandle old, ModelHandle newer, out IntPtr json);
        [DllImport(Lib)] internal static extern Status tm_sample_csv(ModelHandle model, UIntPtr respondents, ulong seed, IntPtr roleIds, IntPtr counts, UIntPtr roleCount, out IntPtr csv);
        [DllImport(Lib)] internal static extern NativeItemsOptions tm_items_options_default();
        [DllImport(Lib)] internal static extern Status tm_items_csv(ModelHandle model, byte[] csv, ref NativeReadOptions read, ref NativeItemsOptions options, out IntPtr json);
        [DllImport(Lib)] internal static extern Status tm_items_file(ModelHandle model, byte[] path, ref NativeReadOptions read, ref NativeItemsOptions options, out IntPtr json);
        [DllImport(Lib)] internal static extern Status tm_item_analysis_json_ex(ModelHandle model, byte[] csv, uint minGroupSize, byte allowSmallGroups, byte byRole, out IntPtr json);

        // Assessment.
        [DllImport(Lib)] internal static extern NativeAssessOptions tm_assess_options_default();
        [DllImport(Lib)] internal static extern Status tm_assess_csv(ModelHandle model, byte[] csv, ref NativeAssessOptions options, out AssessmentHandle a);
        [DllImport(Lib)] internal static extern Status tm_assess_json(ModelHandle model, byte[] json, ref NativeAssessOptions options, out AssessmentHandle a);
        [DllImport(Lib)] internal static extern Status tm_assess_file(ModelHandle model, byte[] path, ref NativeAssessOptions options, out AssessmentHandle a);
        [DllImport(Lib)] internal static extern NativeReadOptions tm_read_options_default();
        [DllImport(Lib)] internal static extern Status tm_assess_csv_ex(ModelHandle model, byte[] csv, ref NativeReadOptions read, ref NativeAssessOptions options, byte[] baselineResponses, out AssessmentHandle a);
        [DllImport(Lib)] internal static extern Status tm_assess_file_ex(ModelHandle model, byte[] path, ref NativeReadOptions read, ref NativeAssessOptions options, byte[] baselineResponses, out AssessmentHandle a);
        [DllImport(Lib)] internal static extern Status tm_assessment_to_json(AssessmentHandle a, out IntPtr json);
        [DllImport(Lib)] internal static extern Status tm_assessment_to_text(AssessmentHandle a, ModelHandle model, uint lang, out IntPtr text);
        [DllImport(Lib)] internal static extern Status tm_assessment_overall(AssessmentHandle a, out double score, out int level);
        [DllImport(Lib)] internal static extern UIntPtr tm_assessment_dimension_count(AssessmentHandle a);
        [DllImport(Lib)] internal static extern UIntPtr tm_assessment_excluded(AssessmentHandle a);
        [DllImport(Lib)] internal static extern Status tm_assessment_dimension(AssessmentHandle a, UIntPtr index, out NativeDimensionResult d);
        /// <summary>The same function into raw memory (the padding test fills it with 0xFF first).</summary>
        [DllImport(Lib, EntryPoint = "tm_assessment_dimension")] internal static extern Status tm_assessment_dimension_raw(AssessmentHandle a, UIntPtr index, IntPtr d);
        [DllImport(Lib)] internal static extern Status tm_assessment_dimension_figure(AssessmentHandle a, UIntPtr index, uint figure, out double value);
        [DllImport(Lib)] internal static extern UIntPtr tm_assessment_gap_count(AssessmentHandle a);
        [DllImport(Lib)] internal static extern Status tm_assessment_gap(AssessmentHandle a, UIntPtr index, out NativeGap gap);
        [DllImport(Lib)] internal static extern Status tm_assessment_compare_json(AssessmentHandle current, AssessmentHandle baseline, out IntPtr json);
        [DllImport(Lib)] internal static extern Status tm_assessment_from_json(byte[] json, out AssessmentHandle a);
        [DllImport(Lib)] internal static extern UIntPtr tm_assessment_unit_count(AssessmentHandle a);
        [DllImport(Lib)] internal static extern Status tm_assessment_unit(AssessmentHandle a, UIntPtr index, out NativeUnitResult unit);
        [DllImport(Lib)] internal static extern Status tm_assessment_unit_dimension(AssessmentHandle a, UIntPtr unit, UIntPtr dimension, out NativeUnitDimension d);
        [DllImport(Lib)] internal static extern Status tm_assessment_suppression(AssessmentHandle a, out UIntPtr primary, out UIntPtr secondary);
        [DllImport(Lib)] internal static extern void tm_assessment_free(IntPtr a);

        // Tables (the BI exports) as typed cells.
        [DllImport(Lib)] internal static extern Status tm_assessment_table(AssessmentHandle a, uint lang, out TableHandle t);
        [DllImport(Lib)] internal static extern Status tm_portfolio_table(PortfolioHandle p, ref NativePortfolioOptions options, out TableHandle t);
        [DllImport(Lib)] internal static extern Status tm_plan_table(PlanHandle p, uint lang, out TableHandle t);
        [DllImport(Lib)] internal static extern Status tm_match_result_table(MatchResultHandle r, uint lang, out TableHandle t);
        [DllImport(Lib)] internal static extern UIntPtr tm_table_column_count(TableHandle t);
        [DllImport(Lib)] internal static extern UIntPtr tm_table_section_count(TableHandle t);
        [DllImport(Lib)] internal static extern UIntPtr tm_table_row_count(TableHandle t, UIntPtr section);
        [DllImport(Lib)] internal static extern Status tm_table_column(TableHandle t, UIntPtr index, out IntPtr header);
        [DllImport(Lib)] internal static extern Status tm_table_section(TableHandle t, UIntPtr index, out IntPtr name);
        [DllImport(Lib)] internal static extern Status tm_table_cell(TableHandle t, UIntPtr section, UIntPtr row, UIntPtr column, out NativeCell cell);
        [DllImport(Lib)] internal static extern Status tm_table_export(TableHandle t, uint format, byte[] path);
        [DllImport(Lib)] internal static extern void tm_table_free(IntPtr t);

        // Catalog and matching.
        [DllImport(Lib)] internal static extern NativeMatchOptions tm_match_options_default();
        [DllImport(Lib)] internal static extern Status tm_catalog_sample(out CatalogHandle c);
        [DllImport(Lib)] internal static extern Status tm_catalog_from_json(byte[] json, out CatalogHandle c);
        [DllImport(Lib)] internal static extern Status tm_catalog_from_file(byte[] path, out CatalogHandle c);
        [DllImport(Lib)] internal static extern Status tm_index_load(byte[] path, out CatalogHandle c);
        [DllImport(Lib)] internal static extern Status tm_index_save(CatalogHandle c, byte[] path);
        [DllImport(Lib)] internal static extern UIntPtr tm_catalog_intervention_count(CatalogHandle c);
        [DllImport(Lib)] internal static extern Status tm_catalog_match(CatalogHandle c, byte[] problem, byte[] filtersJson, ref NativeMatchOptions options, out MatchResultHandle r);
        [DllImport(Lib)] internal static extern Status tm_catalog_similar(CatalogHandle c, byte[] problem, byte[] filtersJson, uint top, out IntPtr json);
        [DllImport(Lib)] internal static extern Status tm_catalog_partners(CatalogHandle c, byte[] code, uint top, out IntPtr json);
        [DllImport(Lib)] internal static extern Status tm_catalog_partners_for_problem(CatalogHandle c, byte[] problem, byte[] filtersJson, byte[] code, uint top, out IntPtr json);
        [DllImport(Lib)] internal static extern void tm_catalog_free(IntPtr c);
        [DllImport(Lib)] internal static extern UIntPtr tm_match_result_count(MatchResultHandle r);
        [DllImport(Lib)] internal static extern Status tm_match_result_ingredient(MatchResultHandle r, UIntPtr index, out IntPtr id, out double score);
        [DllImport(Lib)] internal static extern Status tm_match_result_to_json(MatchResultHandle r, out IntPtr json);
        [DllImport(Lib)] internal static extern void tm_match_result_free(IntPtr r);

        // Portfolio.
        [DllImport(Lib)] internal static extern NativePortfolioOptions tm_portfolio_options_default();
        [DllImport(Lib)] internal static extern Status tm_portfolio_sample(out PortfolioHandle p);
        [DllImport(Lib)] internal static extern Status tm_portfolio_from_json(byte[] json, out PortfolioHandle p);
        [DllImport(Lib)] internal static extern Status tm_portfolio_from_file(byte[] path, out PortfolioHandle p);
        [DllImport(Lib)] internal static extern Status tm_portfolio_analyse(PortfolioHandle p, ref NativePortfolioOptions options, out IntPtr json);
        [DllImport(Lib)] internal static extern Status tm_portfolio_template(byte[] path);
        [DllImport(Lib)] internal static extern void tm_portfolio_free(IntPtr p);

        // Plan.
        [DllImport(Lib)] internal static extern NativePlanOptions tm_plan_options_default();
        [DllImport(Lib)] internal static extern Status tm_plan_new(ModelHandle model, AssessmentHandle a, PortfolioHandle portfolio, CatalogHandle catalog, ref NativePlanOptions options, out PlanHandle plan);
        [DllImport(Lib)] internal static extern Status tm_plan_to_json(PlanHandle p, out IntPtr json);
        [DllImport(Lib)] internal static extern UIntPtr tm_plan_phase_count(PlanHandle p);
        [DllImport(Lib)] internal static extern UIntPtr tm_plan_action_count(PlanHandle p, UIntPtr phase);
        [DllImport(Lib)] internal static extern UIntPtr tm_plan_deferred_count(PlanHandle p);
        [DllImport(Lib)] internal static extern Status tm_plan_get_action(PlanHandle p, UIntPtr phase, UIntPtr index, out NativePlanAction action);
        [DllImport(Lib)] internal static extern UIntPtr tm_plan_economy_count(PlanHandle p);
        [DllImport(Lib)] internal static extern Status tm_plan_get_economy(PlanHandle p, UIntPtr index, out NativePlanEconomy economy);
        [DllImport(Lib)] internal static extern void tm_plan_free(IntPtr p);

        // The report and the national benchmark.
        [DllImport(Lib)] internal static extern NativeReportOptions tm_report_options_default();
        [DllImport(Lib)] internal static extern Status tm_report_html(ModelHandle model, AssessmentHandle a, PortfolioHandle portfolio, CatalogHandle catalog, PlanHandle plan, ref NativeReportOptions options, out IntPtr html);
        // The council paper's own inputs: a tm_paper_options pointer (five strings; IntPtr.Zero = defaults).
        [DllImport(Lib)] internal static extern Status tm_report_html_paper(ModelHandle model, AssessmentHandle a, PortfolioHandle portfolio, CatalogHandle catalog, PlanHandle plan, ref NativeReportOptions options, IntPtr paper, out IntPtr html);
        [DllImport(Lib)] internal static extern Status tm_benchmark_json(IntPtr assessments, UIntPtr count, byte[] of, byte[] peers, out IntPtr json);
        [DllImport(Lib)] internal static extern Status tm_benchmark_text(IntPtr assessments, UIntPtr count, byte[] of, byte[] peers, uint format, uint lang, out IntPtr text);
    }
}
