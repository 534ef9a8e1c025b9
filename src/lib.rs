//! jobzone: AI job-risk assessments, built from Markdown content into a SQLite catalogue and
//! served as a server-rendered website.

pub mod assessment;
pub mod build;
pub mod catalogue;
pub mod config;
pub mod content;
pub mod data;
pub mod derive;
pub mod history;
pub mod markdown;
pub mod methodology;
pub mod problem;
pub mod search;
pub mod subscriptions;
pub mod telemetry;
pub mod transition;
pub mod web;
