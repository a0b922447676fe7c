//! After the charter (*na het charter*): the pure logic behind the four tools that keep a set of
//! principles alive, and their exports. No browser here; the views in `ui::after` only render
//! what these functions compute.
//!
//! - [`yardstick`]: the *meetlat* (Ede): options weighed against every principle, a summary per
//!   option, sorting, CSV (safe against formula injection) and Markdown.
//! - [`congruence`]: the method's yes/no questions per principle for visie, beleid, inrichting and
//!   uitvoering, and the gaps (every answer that is not yet "yes").
//! - [`doorfluister`]: does the "why" travel from the charter to every layer (seed 004)?
//! - [`versions`]: comparing two saved versions (or a version and the current set).
//! - [`practice`]: the set in practice: actions (overdue ones, CSV and Markdown), the results
//!   monitor per intended outcome, and the evaluation after a year.
//!
//! Every export writes through [`crate::export`] (Markdown escaping and tables, CSV), like the
//! charter, so every file of the app treats user text the same way.

pub mod congruence;
pub mod doorfluister;
pub mod practice;
pub mod versions;
pub mod yardstick;

pub use congruence::{congruence_markdown, congruence_overview, CongruenceOverview, Gap};
pub use doorfluister::{doorfluister, doorfluister_markdown, stated_why, Band, DoorfluisterReport, WhyCheck};
pub use versions::{compare, compare_markdown, evaluation_line, one_year_after, snapshot, VersionDiff, VersionRef};
pub use yardstick::{summaries, yardstick_csv, yardstick_markdown, OptionSummary, SortKey};
