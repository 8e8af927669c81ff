//! The ABI version and the sizes of the structs that cross the boundary, so a binding
//! generated or written by hand (C#, Go, …) can check its declarations at start-up.

use crate::assess_options::tm_assess_options;
use crate::assessment::{tm_dimension_result, tm_gap};
use crate::catalog::tm_match_options;
use crate::error::guard_value;
use crate::items::tm_items_options;
use crate::plan::{tm_plan_action, tm_plan_options};
use crate::portfolio::tm_portfolio_options;
use crate::read_options::tm_read_options;
use crate::report::{tm_paper_options, tm_report_options};
use crate::table::tm_cell;
use crate::units::{tm_unit_dimension, tm_unit_result};

/// The ABI version: raised on any change that breaks a compiled client (a removed or
/// changed function, a struct field moved). It is the N of the SONAME
/// `libtransform_model_c.so.N` (bindings/c/build.rs).
pub const TM_ABI_VERSION: u32 = 2;

/// The ABI version of the loaded library; compare it with `TM_ABI_VERSION` of the header
/// the caller was compiled with.
#[unsafe(no_mangle)]
pub extern "C" fn tm_abi_version() -> u32 {
    guard_value(TM_ABI_VERSION, || TM_ABI_VERSION)
}

// Written out one by one: cbindgen does not expand macros.
/// `sizeof(tm_assess_options)` as the library was compiled.
#[unsafe(no_mangle)]
pub extern "C" fn tm_sizeof_assess_options() -> usize {
    std::mem::size_of::<tm_assess_options>()
}

/// `sizeof(tm_dimension_result)` as the library was compiled.
#[unsafe(no_mangle)]
pub extern "C" fn tm_sizeof_dimension_result() -> usize {
    std::mem::size_of::<tm_dimension_result>()
}

/// `sizeof(tm_gap)` as the library was compiled.
#[unsafe(no_mangle)]
pub extern "C" fn tm_sizeof_gap() -> usize {
    std::mem::size_of::<tm_gap>()
}

/// `sizeof(tm_match_options)` as the library was compiled.
#[unsafe(no_mangle)]
pub extern "C" fn tm_sizeof_match_options() -> usize {
    std::mem::size_of::<tm_match_options>()
}

/// `sizeof(tm_plan_options)` as the library was compiled.
#[unsafe(no_mangle)]
pub extern "C" fn tm_sizeof_plan_options() -> usize {
    std::mem::size_of::<tm_plan_options>()
}

/// `sizeof(tm_plan_action)` as the library was compiled.
#[unsafe(no_mangle)]
pub extern "C" fn tm_sizeof_plan_action() -> usize {
    std::mem::size_of::<tm_plan_action>()
}

/// `sizeof(tm_portfolio_options)` as the library was compiled.
#[unsafe(no_mangle)]
pub extern "C" fn tm_sizeof_portfolio_options() -> usize {
    std::mem::size_of::<tm_portfolio_options>()
}

/// `sizeof(tm_report_options)` as the library was compiled.
#[unsafe(no_mangle)]
pub extern "C" fn tm_sizeof_report_options() -> usize {
    std::mem::size_of::<tm_report_options>()
}

/// `sizeof(tm_paper_options)` as the library was compiled.
#[unsafe(no_mangle)]
pub extern "C" fn tm_sizeof_paper_options() -> usize {
    std::mem::size_of::<tm_paper_options>()
}

/// `sizeof(tm_unit_result)` as the library was compiled.
#[unsafe(no_mangle)]
pub extern "C" fn tm_sizeof_unit_result() -> usize {
    std::mem::size_of::<tm_unit_result>()
}

/// `sizeof(tm_unit_dimension)` as the library was compiled.
#[unsafe(no_mangle)]
pub extern "C" fn tm_sizeof_unit_dimension() -> usize {
    std::mem::size_of::<tm_unit_dimension>()
}

/// `sizeof(tm_cell)` as the library was compiled.
#[unsafe(no_mangle)]
pub extern "C" fn tm_sizeof_cell() -> usize {
    std::mem::size_of::<tm_cell>()
}

/// `sizeof(tm_read_options)` as the library was compiled.
#[unsafe(no_mangle)]
pub extern "C" fn tm_sizeof_read_options() -> usize {
    std::mem::size_of::<tm_read_options>()
}

/// `sizeof(tm_items_options)` as the library was compiled.
#[unsafe(no_mangle)]
pub extern "C" fn tm_sizeof_items_options() -> usize {
    std::mem::size_of::<tm_items_options>()
}

// The structs have no implicit padding on 64-bit targets (fields widest first, explicit
// `reserved` bytes), so every byte of an out-struct is written. The sums below are the
// field sizes added by hand.
#[cfg(target_pointer_width = "64")]
const _: () = {
    use std::mem::size_of;
    // seed, ignore_columns, ignore_column_count, baseline_json + 7 four-byte fields
    // (weighting, min_group_size, bootstrap, target, threads, min_dispersion_n,
    // min_common_items) + allow_small_groups + 3 reserved; then unit_columns,
    // unit_column_count, municipality, audit_against_json, audit_against_count, sheet,
    // confidence.
    assert!(size_of::<tm_assess_options>() == 4 * 8 + 7 * 4 + 1 + 3 + 7 * 8);
    // 5 doubles + id + n + level + 3 flags + 1 reserved.
    assert!(size_of::<tm_dimension_result>() == 5 * 8 + 8 + 8 + 4 + 3 + 1);
    // 5 doubles + significant + common_items.
    assert!(size_of::<tm_gap>() == 5 * 8 + 4 + 4);
    assert!(size_of::<tm_match_options>() == 3 * 4);
    // capacity_hours + elections + election_count + start_year, years, lang,
    // phase_out_quarters + 2 × (names, values, count).
    assert!(size_of::<tm_plan_options>() == 8 + 8 + 8 + 4 * 4 + 6 * 8);
    // 2 doubles + 4 strings + year, quarter, budget_year + has_cost + 3 reserved.
    assert!(size_of::<tm_plan_action>() == 2 * 8 + 4 * 8 + 3 * 4 + 1 + 3);
    assert!(size_of::<tm_portfolio_options>() == 3 * 4);
    // lang + reserved + 3 pointers.
    assert!(size_of::<tm_report_options>() == 4 + 4 + 3 * 8);
    assert!(size_of::<tm_paper_options>() == 5 * 8);
    // 3 strings + n + dimension_count + has_n + 7 reserved.
    assert!(size_of::<tm_unit_result>() == 3 * 8 + 2 * 8 + 1 + 7);
    // 3 doubles + id + n + 3 flags + 5 reserved.
    assert!(size_of::<tm_unit_dimension>() == 3 * 8 + 8 + 8 + 3 + 5);
    // number + text + kind + reserved.
    assert!(size_of::<tm_cell>() == 8 + 8 + 4 + 4);
    // 7 pointers (3 columns, columns, columns_text, role_values, role_value_roles) +
    // role_value_count + ignore_columns + ignore_column_count + sheet; 2 flags + 6 reserved.
    assert!(size_of::<tm_read_options>() == 11 * 8 + 2 + 6);
    // audit_against_json + count + min_group_size, min_dispersion_n + 2 flags + 6 reserved.
    assert!(size_of::<tm_items_options>() == 2 * 8 + 2 * 4 + 2 + 6);
};
