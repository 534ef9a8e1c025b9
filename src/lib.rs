//! jobzone: AI job-risk assessments, built from Markdown content into a SQLite catalogue and
//! served as a server-rendered website.

pub mod methodology;
pub mod content;
pub mod markdown;
pub mod catalogue;
