use anyhow::Result;
use clap::Parser;
use jobzone::build::{self, BuildError};
use jobzone::config::{Cli, Command, HistoryCommand};
use jobzone::{telemetry, web};
use std::process::ExitCode;

/// Rendering a page allocates many short-lived strings from several threads at once; mimalloc
/// does that markedly faster than the system allocator (the profile of an uncached render spent
/// a quarter of its time in glibc malloc and free).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[actix_web::main]
async fn main() -> Result<ExitCode> {
    let cli = Cli::parse();
    telemetry::init("info");
    let config = cli.config;
    match cli.command.unwrap_or(Command::Serve) {
        Command::Check => match build::check(&config.content) {
            Ok(content) => {
                println!(
                    "content is valid: {} roles, {} data-derived occupations",
                    content.roles.len(),
                    content.derived.len()
                );
                // Not an error: the history may trail the content until someone records it.
                match build::history_due(&content, &jobzone::history::today::utc()) {
                    Ok(due) if due.is_empty() => {}
                    Ok(due) => eprintln!(
                        "note: {} assessment(s) changed score, zone or methodology since their last row in {}; run `jobzone history record`",
                        due.len(),
                        config.content.join(jobzone::history::FILE).display()
                    ),
                    Err(why) => eprintln!("note: the score history cannot record every change yet: {}", why.join("; ")),
                }
                Ok(ExitCode::SUCCESS)
            }
            Err(problems) => {
                eprintln!("{problems}");
                Ok(ExitCode::FAILURE)
            }
        },
        Command::Build => match build::build(&config.content, &config.catalogue) {
            Ok(w) => {
                println!(
                    "wrote {} ({} roles, {} data-derived occupations, {} bytes, version {})",
                    config.catalogue.display(),
                    w.roles,
                    w.occupations,
                    w.bytes,
                    w.version
                );
                Ok(ExitCode::SUCCESS)
            }
            Err(BuildError::Invalid(problems)) => {
                eprintln!("{problems}");
                Ok(ExitCode::FAILURE)
            }
            Err(BuildError::Io(e)) => Err(e),
        },
        Command::History(HistoryCommand::Record { date }) => {
            let today = date.unwrap_or_else(jobzone::history::today::utc);
            match build::record_history(&config.content, &today) {
                Ok(added) => {
                    println!(
                        "recorded {added} history row(s) in {}",
                        config.content.join(jobzone::history::FILE).display()
                    );
                    Ok(ExitCode::SUCCESS)
                }
                Err(BuildError::Invalid(problems)) => {
                    eprintln!("{problems}");
                    Ok(ExitCode::FAILURE)
                }
                Err(BuildError::Io(e)) => Err(e),
            }
        }
        Command::Notify(args) => {
            // Off the async main thread: the store may be PostgreSQL, whose client blocks.
            let report = actix_web::web::block(move || jobzone::subscriptions::notify::run(&config, &args)).await??;
            println!("{report}");
            // EX_TEMPFAIL: some emails wait for the SMTP server; the next run retries them.
            Ok(if report.delivered.retrying > 0 { ExitCode::from(75) } else { ExitCode::SUCCESS })
        }
        Command::Serve => {
            web::prepare_catalogue(&config)?;
            let app = web::Application::build(&config)?;
            app.watch_content()?;
            tracing::info!("serving at http://{} (rebuilds on content changes and SIGHUP)", app.address());
            app.spawn_notifier();
            app.run().await?;
            Ok(ExitCode::SUCCESS)
        }
    }
}
