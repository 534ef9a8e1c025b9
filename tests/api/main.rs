//! Integration tests: the real app over HTTP, and the jobzone binary over real content.

mod browse;
mod cli;
mod compare;
mod errors;
mod helpers;
mod hostile;
mod pages;
mod reload;
mod role_page;
mod search;
mod serving;
