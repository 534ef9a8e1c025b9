//! The published research data sets under `content/data/` (O*NET 30.1, GPTs are GPTs, Working
//! with AI, the Anthropic Economic Index, BLS), read into typed tables. One file per source; all
//! of them read through [`table::Table`], so a malformed file is refused with `file:line`.

pub mod employment;
pub mod table;
pub mod titles;
