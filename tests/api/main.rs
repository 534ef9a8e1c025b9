//! Integration tests: the real app over HTTP, and the jobzone binary over real content.

mod browse;
mod cli;
mod compare;
mod errors;
mod helpers;
mod mail_harness;
mod pages;
mod role_page;
mod search;
mod subscription_forms;
mod subscriptions;
