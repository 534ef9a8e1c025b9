//! Integration tests: the real app over HTTP, and the jobzone binary over real content.

mod answer_first;
mod api;
mod browse;
mod cli;
mod compare;
mod errors;
mod faults;
mod feeds;
mod generation;
mod helpers;
mod history;
mod history_record;
mod hostile;
mod hostile_data;
mod mail_harness;
mod observed_usage;
mod occupations;
mod open_data;
mod pages;
#[path = "../support/postgres.rs"]
mod postgres;
mod read_only;
mod reload;
mod role_page;
mod search;
mod search_intent;
mod serving;
mod share;
mod snapshots;
mod subscription_forms;
mod subscriptions;
mod warm;
