//! The pages of the app. Each is a binary of this crate (`src/bin/<page>.rs`) that mounts its
//! root component, [`Shell`](super::Shell) with the page's [`AppPage`](super::AppPage): the
//! steps it shows (from the step table), their views, its links and tools. A page's wasm holds
//! only what its root reaches, so each stays within its own size budget.
//!
//! Adding a page: a `Page` in `src/ui/steps.rs` for its steps, a module here with its
//! `AppPage`, a binary in `src/bin/`, and its HTML file and build lines in `scripts/build.sh`
//! and `scripts/size.mjs`.

mod after;
mod workshop;

pub use after::{AfterApp, AfterPage};
pub use workshop::{WorkshopApp, WorkshopPage};
