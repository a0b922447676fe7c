//! Leidraad: a browser-only workshop tool for writing *leidende principes* for the social domain.
//!
//! The domain (`workshop`, `format`, `i18n`) is plain Rust and is tested natively; `ui` holds
//! the Yew components, which also compile natively so they can be rendered in tests.

pub mod after;
pub mod charter;
pub mod export;
pub mod format;
pub mod i18n;
pub mod library;
pub mod live;
pub mod order;
pub mod suggest;
pub mod ui;
pub mod workshop;
