//! Writing files, in one place: Markdown that user text cannot break (escaping and tables), CSV
//! that a spreadsheet cannot be tricked by (RFC 4180, formula-safe), readable dates, and file
//! names. The charter and the tools used after it both write through this module, so every
//! export treats user text the same way, and neither of them depends on the other for it.

pub mod csv;
pub mod date;
pub mod markdown;
pub mod name;
